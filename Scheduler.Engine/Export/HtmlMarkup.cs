using System.Text;
using System.Xml;

namespace Scheduler.Engine.Export;

/// <summary>
/// Writes markup that is both HTML5 and well-formed XML (XHTML syntax): every text and attribute is escaped
/// by <see cref="XmlWriter"/>, every non-void element gets an explicit end tag (an HTML parser ignores the
/// slash in <c>&lt;div/&gt;</c> and would leave the element open), and characters XML forbids are replaced.
/// </summary>
internal sealed class HtmlMarkup : IDisposable
{
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";
    private readonly StringBuilder buffer = new();
    private readonly XmlWriter writer;

    public HtmlMarkup()
    {
        writer = XmlWriter.Create(buffer, new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = " ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            ConformanceLevel = ConformanceLevel.Document,
        });
    }

    public void DocType() => writer.WriteDocType("html", null, null, null);

    /// <summary>Opens an element; attributes with a null value are left out.</summary>
    public void Open(string name, params (string Name, string? Value)[] attributes)
    {
        writer.WriteStartElement(name, XhtmlNamespace);
        foreach (var (attribute, value) in attributes)
        {
            if (value is not null) writer.WriteAttributeString(attribute, Clean(value));
        }
    }

    /// <summary>Closes a non-void element with an explicit end tag.</summary>
    public void Close() => writer.WriteFullEndElement();

    /// <summary>A void element (<c>meta</c>, <c>br</c>).</summary>
    public void Void(string name, params (string Name, string? Value)[] attributes)
    {
        Open(name, attributes);
        writer.WriteEndElement();
    }

    public void Text(string text) => writer.WriteString(Clean(text));

    /// <summary>An element holding only text.</summary>
    public void Element(string name, string text, params (string Name, string? Value)[] attributes)
    {
        Open(name, attributes);
        Text(text);
        Close();
    }

    /// <summary>Raw CSS for a style element; the caller's constant text, never user data.</summary>
    public void Style(string css)
    {
        Open("style");
        writer.WriteRaw(css);
        Close();
    }

    public override string ToString()
    {
        writer.Flush();
        // XmlWriter writes "<!DOCTYPE html >"; HTML allows the space, but the canonical form is nicer to read.
        const string written = "<!DOCTYPE html >";
        var text = buffer.ToString();
        if (text.StartsWith(written, StringComparison.Ordinal)) text = "<!DOCTYPE html>" + text[written.Length..];
        return text + "\n";
    }

    public void Dispose() => writer.Dispose();

    /// <summary>Replaces characters XML 1.0 cannot carry (controls, lone surrogates) with U+FFFD.</summary>
    internal static string Clean(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = XmlConvert.IsXmlChar(c)
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
            if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])) ok = true;
            if (ok && sb is null) continue;
            sb ??= new StringBuilder(text, 0, i, text.Length);
            sb.Append(ok ? c : '\uFFFD');
        }

        return sb?.ToString() ?? text;
    }
}
