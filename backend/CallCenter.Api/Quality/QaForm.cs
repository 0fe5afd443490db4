using System.Text.Json;
using CallCenter.Infrastructure.EventSourcing;

namespace CallCenter.Quality;

// The admins' scoring forms on `qaform-{formId}` (docs/quality.md). A form is defined whole; a redefinition replaces it
// for later scores (a score keeps the form's items as they were: it names them and their weights).

/// <summary>One thing the inspector checks: up to <see cref="Weight"/> points; a failing item scored 0 fails the whole review.</summary>
public sealed record QaItem(string Id, string Text, int Weight, bool Failing);
public sealed record QaSection(string Name, IReadOnlyList<QaItem> Items);

public abstract record QaFormEvent(string FormId, DateTimeOffset At);
public sealed record QaFormDefined(string FormId, string Name, IReadOnlyList<QaSection> Sections, DateTimeOffset At) : QaFormEvent(FormId, At);

public sealed record QaForm(string? Name, IReadOnlyList<QaSection> Sections)
{
    public bool Exists => Name is not null;
    public IEnumerable<QaItem> Items => Sections.SelectMany(s => s.Items);
    public int MaxPoints => Items.Sum(i => i.Weight);
}

public sealed class QaFormStream : IStreamType<QaForm, QaFormEvent>
{
    public const string Prefix = "qaform-";
    public static string StreamId(string id) => Prefix + id;
    public static QaForm Initial { get; } = new(null, []);

    public static QaForm Evolve(QaForm s, QaFormEvent e) => e switch
    {
        QaFormDefined d => new QaForm(d.Name, d.Sections),
        _ => s,
    };

    public static string WireName(QaFormEvent e) => e switch
    {
        QaFormDefined => "QaFormDefined.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public static QaFormEvent? Decode(string wireName, ReadOnlyMemory<byte> data) => wireName switch
    {
        "QaFormDefined.v1" => JsonSerializer.Deserialize<QaFormDefined>(data.Span, Json.Options),
        _ => null,
    };

    /// <summary>Defines (or redefines) the form; the same definition again decides nothing.</summary>
    public static IReadOnlyList<QaFormEvent> Define(QaForm current, string formId, string name, IReadOnlyList<QaSection> sections, DateTimeOffset now) =>
        current.Exists && current.Name == name && JsonSerializer.Serialize(current.Sections, Json.Options) == JsonSerializer.Serialize(sections, Json.Options)
            ? [] : [new QaFormDefined(formId, name, sections, now)];
}
