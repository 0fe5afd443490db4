using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Quality.Reviews;
using FluentValidation;

namespace CallCenter.Quality.DefiningForms;

public sealed record QaFormBody(string Name, IReadOnlyList<QaSection> Sections);

public sealed class QaFormBodyValidator : AbstractValidator<QaFormBody>
{
    public QaFormBodyValidator()
    {
        RuleFor(f => f.Name).NotEmpty().MaximumLength(100).WithMessage("name: 1 to 100 characters.");
        RuleFor(f => f.Sections).NotNull().Must(s => s is { Count: >= 1 and <= 20 }).WithMessage("sections: 1 to 20.");
        RuleForEach(f => f.Sections).ChildRules(s =>
        {
            s.RuleFor(x => x.Name).NotEmpty().MaximumLength(100).WithMessage("A section's name: 1 to 100 characters.");
            s.RuleFor(x => x.Items).NotNull().Must(i => i is { Count: >= 1 and <= 50 }).WithMessage("A section's items: 1 to 50.");
            s.RuleForEach(x => x.Items).ChildRules(i =>
            {
                i.RuleFor(x => x.Id).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9_.-]+$").WithMessage("An item's id: 1 to 40 letters, digits, _ . -");
                i.RuleFor(x => x.Text).NotEmpty().MaximumLength(200).WithMessage("An item's text: 1 to 200 characters.");
                i.RuleFor(x => x.Weight).InclusiveBetween(1, 100).WithMessage("An item's weight: 1 to 100 points.");
            });
        });
        RuleFor(f => f.Sections).Must(s => s is null || s.Where(x => x?.Items is not null).SelectMany(x => x.Items).Select(i => i?.Id).Distinct().Count()
                == s.Where(x => x?.Items is not null).SelectMany(x => x.Items).Count())
            .WithMessage("Each item id once in the form.");
    }
}

/// <summary>Admins define the QA forms (sections of weighted items, some failing); QA and admins read them.</summary>
public static class DefiningForms
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/qa/forms").WithTags("Quality");
        g.MapGet("/", async (ReadModelDb db, CancellationToken ct) => TypedResults.Ok(await QaQueries.FormsAsync(await Sql.ConnectionAsync(db, ct), ct)))
            .RequireAuthorization(Policies.Inspect)
            .WithSummary("The QA forms: sections of items, each with its weight (points) and whether scoring it 0 fails the review (QA, admins).");
        g.MapPut("/{id}", async (string id, QaFormBody body, IValidator<QaFormBody> validator, CommandPipeline pipeline, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
            {
                if (id.Length is 0 or > 40 || !id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
                    throw new ValidationException([new FluentValidation.Results.ValidationFailure("id", "id: 1 to 40 letters, digits, - or _.")]);
                await validator.ValidateAndThrowAsync(body, ct);
                var decided = await pipeline.HandleAsync<QaFormStream, QaForm, QaFormEvent>(id, null,
                    form => QaFormStream.Define(form, id, body.Name.Trim(), body.Sections, clock.GetUtcNow()),
                    user.Metadata() with { Source = EventMetadata.Sources.Admin }, ct);
                return TypedResults.Ok(new QaFormDto(id, decided.State.Name!, decided.State.Sections, decided.State.MaxPoints, clock.GetUtcNow()));
            })
            .RequireAuthorization(Policies.Administer)
            .WithSummary("Defines (or redefines) a QA form (admins): name, sections of items { id, text, weight 1–100, failing }. Later scores use the new form.");
    }
}
