using System.Text;
using Scheduler.Engine.Export;

namespace Scheduler.Tests.Export;

public sealed class ExportWriterTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "export-writer-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Writes_every_file_in_its_folder_as_UTF8_without_adding_a_BOM()
    {
        var written = ExportWriter.WriteAll(
            [new ExportedFile("participants/a.ics", "BEGIN:VCALENDAR\r\n"), new ExportedFile("assignments.csv", "\uFEFFmeeting\r\nÄ\r\n")],
            root);

        Assert.Equal([Path.Combine(root, "participants", "a.ics"), Path.Combine(root, "assignments.csv")], written);
        Assert.Equal("BEGIN:VCALENDAR\r\n"u8.ToArray(), File.ReadAllBytes(written[0]));
        Assert.Equal(Encoding.UTF8.GetBytes("\uFEFFmeeting\r\nÄ\r\n"), File.ReadAllBytes(written[1]));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(written[1])[..3]);
    }

    [Fact]
    public void Rewriting_replaces_files_and_leaves_no_temporary_files()
    {
        ExportWriter.WriteAll([new ExportedFile("index.html", "old")], root);

        ExportWriter.WriteAll([new ExportedFile("index.html", "new")], root);

        Assert.Equal("new", File.ReadAllText(Path.Combine(root, "index.html")));
        Assert.Equal([Path.Combine(root, "index.html")], Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../outside.csv")]
    [InlineData("rooms/../../outside.csv")]
    [InlineData("/etc/outside.csv")]
    [InlineData("rooms//a.ics")]
    [InlineData("")]
    public void A_path_leaving_the_folder_is_refused_before_anything_is_written(string path)
    {
        Assert.Throws<ArgumentException>(() =>
            ExportWriter.WriteAll([new ExportedFile("fine.csv", "x"), new ExportedFile(path, "y")], root));

        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void The_same_path_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            ExportWriter.WriteAll([new ExportedFile("a.csv", "x"), new ExportedFile("a.csv", "y")], root));
    }
}
