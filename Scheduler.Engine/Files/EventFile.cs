using Scheduler.Engine.Domain;

namespace Scheduler.Engine.Files;

/// <summary>
/// The event file of contract v1: reading it with every problem reported by JSON path, and writing an
/// <see cref="Event"/> back to it.
/// </summary>
public static class EventFile
{
    /// <summary>
    /// Reads an event file's text. Every problem is reported at once, in document order, each with its path
    /// (<c>meetings[3].participants[1]</c>, or <c>$</c> with line and column for malformed JSON).
    /// </summary>
    /// <param name="json">The file's text.</param>
    public static ReadResult<Event> Parse(string json) => JsonDocuments.Read(json, EventFileReader.Read);

    /// <summary>
    /// Reads the event file at <paramref name="path"/>; a file that cannot be read, or is not UTF-8 (the offset of the
    /// first bad byte is named), is a problem at <c>$</c>.
    /// </summary>
    /// <param name="path">The file's path.</param>
    public static ReadResult<Event> Load(string path) => JsonDocuments.Load(path, EventFileReader.Read);

    /// <summary>
    /// Writes <paramref name="ev"/> as an event file: times local in the event's zone where that is unambiguous,
    /// with an offset otherwise; defaults left out. <see cref="Parse"/> of the result gives the same event.
    /// </summary>
    /// <param name="ev">The event.</param>
    public static string Write(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return JsonDocuments.Write(writer => EventFileWriter.Write(writer, ev));
    }
}
