using Scheduler.Engine.Export;

namespace Scheduler.Tests.Export;

public class ExportViewTests
{
    [Theory]
    [InlineData("Moscow Conference on International Security 2021", "moscow-conference-on-international-security-2021")]
    [InlineData("ÉCOLE Straße  --  Łódź!", "ecole-strasse-lodz")]
    [InlineData("Саммит", "event")]
    public void Slug_keeps_lower_case_ASCII_letters_and_digits(string name, string slug)
    {
        Assert.Equal(slug, ExportView.Slug(name));
    }

    [Theory]
    [InlineData("lacroix", "lacroix")]
    [InlineData("a.b", "a.b")]
    [InlineData(".hidden", "%2Ehidden")]
    [InlineData("x/y z%", "x%2Fy%20z%25")]
    [InlineData("Рябков", "%D0%A0%D1%8F%D0%B1%D0%BA%D0%BE%D0%B2")]
    public void File_names_encode_every_unsafe_character(string id, string name)
    {
        Assert.Equal(name, ExportView.SafeFileName(id));
    }
}
