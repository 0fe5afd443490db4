using CallCenter.Infrastructure.Auth;
using CallCenter.Infrastructure.EventSourcing;
using CallCenter.Infrastructure.Persistence;
using CallCenter.Users;
using CallCenter.Users.Trail;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Auth.Me;

public sealed record ChangePasswordBody(string? CurrentPassword, string? NewPassword);

/// <summary>POST /api/me/password (R-ME-1): the current password, a new one by <see cref="PasswordPolicy"/>; my other sessions end.</summary>
public static class ChangeMyPassword
{
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.NoContent> HandleAsync(ChangePasswordBody body, HttpContext http, CurrentUser me,
        ReadModelDb db, IPasswordHasher<UserRow> hasher, Sessions sessions, AdminChanges trail, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == me.Id, ct) ?? throw new NotFoundException($"User '{me.Id}' no longer exists.");
        if (string.IsNullOrEmpty(body.CurrentPassword) || body.CurrentPassword.Length > PasswordPolicy.MaxLength
            || hasher.VerifyHashedPassword(user, user.PasswordHash, body.CurrentPassword) == PasswordVerificationResult.Failed)
            throw new ValidationException([new ValidationFailure("currentPassword", "The current password is not right.")]);
        if (PasswordPolicy.Check(body.NewPassword, user.Id) is { } why) throw new ValidationException([new ValidationFailure("newPassword", why)]);
        if (body.NewPassword == body.CurrentPassword) throw new ValidationException([new ValidationFailure("newPassword", "Choose a password other than the current one.")]);
        user.PasswordHash = hasher.HashPassword(user, body.NewPassword!);
        await db.SaveChangesAsync(ct);
        await sessions.EndAllAsync(user.Id, "password-changed", Sessions.IdOf(http.User), ct);
        await trail.AppendAsync(AdminChanges.UserStream(user.Id), new EventMetadata(user.Id, EventMetadata.Sources.Agent, Guid.NewGuid()), ct,
            new UserPasswordChanged(user.Id, clock.GetUtcNow()));
        return TypedResults.NoContent();
    }
}
