using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Enact.Core.Audit;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Enact.Core.Files;
using Enact.Core.Reference;
using Enact.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Submissions;

/// <summary>
/// The submission template: starting a submission under an open call, saving each step as a draft (only format errors
/// block), attachments checked by content, co-authors, the completeness check and the final submit through
/// <see cref="CaseStudyWorkflow"/>, withdrawal, revisions of published case studies, and who may see which file.
/// Each operation runs in one transaction with its audit entry; e-mails are sent by the caller after it succeeded.
/// </summary>
public sealed partial class SubmissionService(EnactDbContext db, CaseStudyWorkflow workflow, AuditTrail audit, TimeProvider clock)
{
    public const int MaxSummarySentences = 3;
    public const int MaxCoAuthors = 10;
    public const int MaxAttachments = 30;
    public const int MaxTextLength = 20_000;

    /// <summary>States in which owners, co-authors and focal points edit the text: a draft, or an answer to a change request.</summary>
    public static readonly IReadOnlySet<CaseStudyStatus> EditableStates = new HashSet<CaseStudyStatus> { CaseStudyStatus.Draft, CaseStudyStatus.ChangesRequested };

    private static readonly CaseStudyStatus[] ClosedRevisionStates = [CaseStudyStatus.Published, CaseStudyStatus.Rejected, CaseStudyStatus.Withdrawn, CaseStudyStatus.Archived];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ───────────────────────────── Starting ─────────────────────────────

    /// <summary>Calls open now, soonest deadline first.</summary>
    public async Task<IReadOnlyList<OpenCall>> OpenCallsAsync(CancellationToken ct = default)
    {
        var now = Now;
        return await db.SubmissionCalls.AsNoTracking()
            .Where(c => c.OpensAt <= now && now < c.ClosesAt)
            .OrderBy(c => c.ClosesAt)
            .Select(c => new OpenCall(c.Id, c.TitleAr, c.TitleEn, c.ClosesAt, c.TimeZone))
            .ToListAsync(ct);
    }

    public Task<Calls.SubmissionCall?> FindCallAsync(int callId, CancellationToken ct = default)
        => db.SubmissionCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);

    /// <summary>
    /// Creates a draft answering <paramref name="callId"/>, owned by the person, for <paramref name="country"/> (a focal
    /// point only for their countries), written first in <paramref name="originalLanguage"/>; the id is
    /// <c>{country}-{year}-{random}</c>. Refused (<see cref="SubmissionResult.Closed"/>) unless the call is open.
    /// </summary>
    public async Task<SubmissionOutcome> StartAsync(AuditActor actor, Submitter who, int callId, string? country, string? originalLanguage, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var call = await db.SubmissionCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return SubmissionOutcome.Of(SubmissionResult.NotFound);
        }
        var now = Now;
        if (!call.IsOpenAt(now))
        {
            return SubmissionOutcome.Of(SubmissionResult.Closed);
        }
        var errors = new List<FieldError>();
        var code = (country ?? "").Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            errors.Add(new FieldError(nameof(DraftInput.Country), "Error.Required"));
        }
        else if (!await db.Countries.AnyAsync(c => c.Code == code, ct))
        {
            errors.Add(new FieldError(nameof(DraftInput.Country), "Error.CodeUnknown", code));
        }
        else if (who.IsFocalPoint && !who.MayActFor(code))
        {
            errors.Add(new FieldError(nameof(DraftInput.Country), "Error.CountryNotYours"));
        }
        if (originalLanguage is not ("ar" or "en"))
        {
            errors.Add(new FieldError(nameof(DraftInput.OriginalLanguage), "Error.LanguageInvalid"));
        }
        if (errors.Count > 0)
        {
            return SubmissionOutcome.Invalid(errors);
        }

        var id = await NewIdAsync($"{code.ToLowerInvariant()}-{now.Year.ToString(CultureInfo.InvariantCulture)}", ct);
        var caseStudy = new CaseStudy
        {
            Id = id,
            CountryCode = code,
            OriginalLanguage = originalLanguage!,
            CallId = call.Id,
            OwnerId = who.UserId,
            Status = CaseStudyStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.CaseStudies.Add(caseStudy);
        db.CaseStudyTransitions.Add(new CaseStudyTransition { CaseStudyId = id, From = null, To = CaseStudyStatus.Draft, At = now, ActorId = actor.UserId });
        audit.Record(actor, "case-study.started", "CaseStudy", id, after: new { callId = call.Id, country = code, originalLanguage });
        await db.SaveChangesAsync(ct);
        return new SubmissionOutcome(SubmissionResult.Ok) { Id = id, Version = caseStudy.Version };
    }

    private async Task<string> NewIdAsync(string prefix, CancellationToken ct)
    {
        prefix = prefix.Length > CaseStudy.MaxIdLength - 8 ? prefix[..(CaseStudy.MaxIdLength - 8)].TrimEnd('-') : prefix;
        while (true)
        {
            var id = prefix + "-" + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 6);
            if (!await db.CaseStudies.AnyAsync(c => c.Id == id, ct))
            {
                return id;
            }
        }
    }

    // ───────────────────────────── Access ─────────────────────────────

    private sealed record Found(CaseStudy? CaseStudy, SubmissionAccess Access, bool IsAuthor, SubmissionResult Result);

    /// <summary>
    /// Finds a case study and what <paramref name="who"/> may do with it: the owner and co-authors (signed in with the
    /// invited, confirmed address) edit; focal points edit the drafts of their countries; staff and assigned reviewers see.
    /// Others get <see cref="SubmissionResult.NotFound"/> (a focal point of another country: <see cref="SubmissionResult.Forbidden"/>).
    /// </summary>
    private async Task<Found> FindAsync(Submitter who, string id, bool track, CancellationToken ct)
    {
        var query = track ? db.CaseStudies : db.CaseStudies.AsNoTracking();
        var caseStudy = await query.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (caseStudy is null)
        {
            return new Found(null, SubmissionAccess.None, false, SubmissionResult.NotFound);
        }
        var (access, author) = await AccessAsync(who, caseStudy, ct);
        if (access == SubmissionAccess.None)
        {
            return new Found(null, access, false, who.IsFocalPoint ? SubmissionResult.Forbidden : SubmissionResult.NotFound);
        }
        return new Found(caseStudy, access, author, SubmissionResult.Ok);
    }

    private async Task<(SubmissionAccess Access, bool IsAuthor)> AccessAsync(Submitter who, CaseStudy caseStudy, CancellationToken ct)
    {
        if (caseStudy.OwnerId == who.UserId)
        {
            return (SubmissionAccess.Owner, true);
        }
        var email = await ConfirmedEmailAsync(who, ct);
        if (email is not null && await db.CaseStudyCoAuthors.AnyAsync(a => a.CaseStudyId == caseStudy.Id && a.NormalizedEmail == email, ct))
        {
            return (SubmissionAccess.Edit, true);
        }
        if (who.IsFocalPoint && who.Countries.Contains(caseStudy.CountryCode) && EditableStates.Contains(caseStudy.Status))
        {
            return (SubmissionAccess.Edit, false);
        }
        if (who.IsStaff || (who.IsFocalPoint && who.Countries.Contains(caseStudy.CountryCode)))
        {
            return (SubmissionAccess.View, false);
        }
        if (await db.ReviewAssignments.AnyAsync(r => r.CaseStudyId == caseStudy.Id && r.ReviewerId == who.UserId && r.WithdrawnAt == null, ct))
        {
            return (SubmissionAccess.View, false);
        }
        return (SubmissionAccess.None, false);
    }

    /// <summary>The person's normalized address when it is confirmed (co-authors are matched on it).</summary>
    private async Task<string?> ConfirmedEmailAsync(Submitter who, CancellationToken ct)
        => await db.Users.AsNoTracking().Where(u => u.Id == who.UserId && u.EmailConfirmed).Select(u => u.NormalizedEmail).SingleOrDefaultAsync(ct);

    /// <summary>The case study with its terms, attachments, co-authors, call and the last change request, for the template pages.</summary>
    public async Task<(SubmissionResult Result, SubmissionDraft? Draft)> GetAsync(Submitter who, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var found = await FindAsync(who, id, track: false, ct);
        if (found.CaseStudy is null)
        {
            return (found.Result, null);
        }
        var c = found.CaseStudy;
        var terms = await db.CaseStudyTerms.AsNoTracking().Where(t => t.CaseStudyId == id)
            .Select(t => new { t.Term!.Taxonomy, t.Term.Code, t.Term.SortOrder }).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var attachments = await db.CaseStudyAttachments.AsNoTracking().Where(a => a.CaseStudyId == id).OrderBy(a => a.Position).ThenBy(a => a.UploadedAt).ToListAsync(ct);
        var coAuthors = await db.CaseStudyCoAuthors.AsNoTracking().Where(a => a.CaseStudyId == id).OrderBy(a => a.InvitedAt).ToListAsync(ct);
        var call = c.CallId is { } callId ? await db.SubmissionCalls.AsNoTracking().SingleOrDefaultAsync(x => x.Id == callId, ct) : null;
        string? reason = null;
        if (c.Status == CaseStudyStatus.ChangesRequested)
        {
            reason = await db.CaseStudyTransitions.AsNoTracking().Where(t => t.CaseStudyId == id && t.To == CaseStudyStatus.ChangesRequested)
                .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Select(t => t.Reason).FirstOrDefaultAsync(ct);
        }
        return (SubmissionResult.Ok, new SubmissionDraft(c, found.Access, [.. terms.Select(t => (t.Taxonomy, t.Code))], attachments, coAuthors, call, reason));
    }

    /// <summary>The languages a case study has: those with a title, or its original language while none has one.</summary>
    public static IReadOnlyList<string> LanguagesOf(CaseStudy c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var list = new List<string>();
        if (!string.IsNullOrWhiteSpace(c.TitleAr))
        {
            list.Add("ar");
        }
        if (!string.IsNullOrWhiteSpace(c.TitleEn))
        {
            list.Add("en");
        }
        return list.Count > 0 ? list : [c.OriginalLanguage];
    }

    // ───────────────────────────── Saving a step ─────────────────────────────

    private async Task<(Found Found, SubmissionOutcome? Refusal)> FindEditableAsync(Submitter who, string id, CancellationToken ct)
    {
        var found = await FindAsync(who, id, track: true, ct);
        if (found.CaseStudy is null)
        {
            return (found, SubmissionOutcome.Of(found.Result));
        }
        if (found.Access < SubmissionAccess.Edit)
        {
            return (found, SubmissionOutcome.Of(SubmissionResult.Forbidden));
        }
        if (!EditableStates.Contains(found.CaseStudy.Status))
        {
            return (found, SubmissionOutcome.Of(SubmissionResult.NotEditable));
        }
        return (found, null);
    }

    /// <summary>
    /// Saves the fields of <paramref name="step"/> as typed, even when required ones are empty; only format errors
    /// block (bad URL, year or e-mail, a summary of more than three sentences, unknown codes, too long). A stale
    /// <paramref name="version"/> is a <see cref="SubmissionResult.Conflict"/>: nothing is saved.
    /// </summary>
    public async Task<SubmissionOutcome> SaveStepAsync(AuditActor actor, Submitter who, string id, SubmissionStep step, Guid version, DraftInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(input);
        var (found, refusal) = await FindEditableAsync(who, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var c = found.CaseStudy!;
        if (c.Version != version)
        {
            return new SubmissionOutcome(SubmissionResult.Conflict) { Id = id, Version = c.Version };
        }
        var errors = new List<FieldError>();
        var changed = new List<string>();
        switch (step)
        {
            case SubmissionStep.Organisation:
                await ApplyOrganisationAsync(c, who, input, errors, changed, ct);
                break;
            case SubmissionStep.Summary:
                ApplySummary(c, input, errors, changed);
                break;
            case SubmissionStep.Description:
                SetText(c, input, changed, errors, nameof(CaseStudy.ProblemAr), nameof(CaseStudy.ProblemEn), nameof(CaseStudy.DescriptionAr),
                    nameof(CaseStudy.DescriptionEn), nameof(CaseStudy.InnovationAr), nameof(CaseStudy.InnovationEn));
                await SetTermsAsync(c, new()
                {
                    [Taxonomies.Technology] = (nameof(DraftInput.Technologies), input.Technologies),
                    [Taxonomies.Dimension] = (nameof(DraftInput.Dimensions), input.Dimensions),
                    [Taxonomies.SdgTarget] = (nameof(DraftInput.SdgTargets), input.SdgTargets),
                }, errors, changed, ct);
                break;
            case SubmissionStep.Development:
                SetText(c, input, changed, errors, nameof(CaseStudy.PartnersAr), nameof(CaseStudy.PartnersEn), nameof(CaseStudy.FundingAr),
                    nameof(CaseStudy.FundingEn), nameof(CaseStudy.ChangeManagementAr), nameof(CaseStudy.ChangeManagementEn));
                await SetTermsAsync(c, new() { [Taxonomies.Beneficiary] = (nameof(DraftInput.Beneficiaries), input.Beneficiaries) }, errors, changed, ct);
                break;
            case SubmissionStep.Reflections:
                SetText(c, input, changed, errors, nameof(CaseStudy.ResultsAr), nameof(CaseStudy.ResultsEn), nameof(CaseStudy.ChallengesAr),
                    nameof(CaseStudy.ChallengesEn), nameof(CaseStudy.ConditionsForSuccessAr), nameof(CaseStudy.ConditionsForSuccessEn),
                    nameof(CaseStudy.ReplicationAr), nameof(CaseStudy.ReplicationEn), nameof(CaseStudy.LessonsLearnedAr), nameof(CaseStudy.LessonsLearnedEn));
                break;
            case SubmissionStep.Materials:
                await ApplyMaterialsAsync(c, input, errors, changed, ct);
                break;
            case SubmissionStep.Consent:
                ApplyConsent(c, input, errors, changed);
                break;
            case SubmissionStep.Preview:
                break;
        }
        if (errors.Count > 0)
        {
            return SubmissionOutcome.Invalid(errors) with { Id = id, Version = c.Version };
        }
        if (changed.Count == 0 && !db.ChangeTracker.HasChanges())
        {
            return new SubmissionOutcome(SubmissionResult.Ok) { Id = id, Version = c.Version, SavedAt = c.UpdatedAt };
        }
        var now = Now;
        c.UpdatedAt = now;
        // The step's save always renews the case study's version, even when only its terms or alternative texts changed.
        db.Entry(c).Property(x => x.UpdatedAt).IsModified = true;
        var slug = SubmissionSteps.Slug(step);
        await audit.RecordOrMergeAsync(actor, "case-study.draft-saved", "CaseStudy", id, DraftAuditWindow, previous => DraftSaved(previous, slug, changed, now), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SubmissionOutcome(SubmissionResult.Conflict) { Id = id, Version = await CurrentVersionAsync(id, ct) };
        }
        return new SubmissionOutcome(SubmissionResult.Ok) { Id = id, Version = c.Version, SavedAt = now };
    }

    /// <summary>
    /// Saves of one draft by one person with less than this between them (buttons and autosave alike) make one audit
    /// entry: its steps and fields accumulate, with the number of saves and the first one's time.
    /// </summary>
    public static readonly TimeSpan DraftAuditWindow = TimeSpan.FromMinutes(10);

    /// <summary>The after-state of a "draft-saved" entry: this save's step and fields added to those already in it.</summary>
    private static object DraftSaved(JsonElement? previous, string step, List<string> changed, DateTime now)
    {
        var steps = new List<string>();
        var fields = new List<string>();
        var saves = 0;
        DateTime? since = null;
        if (previous is { ValueKind: JsonValueKind.Object } p)
        {
            if (p.TryGetProperty("steps", out var many) && many.ValueKind == JsonValueKind.Array)
            {
                steps.AddRange(many.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }
            else if (p.TryGetProperty("step", out var one) && one.ValueKind == JsonValueKind.String)
            {
                steps.Add(one.GetString()!);
            }
            if (p.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array)
            {
                fields.AddRange(f.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }
            saves = p.TryGetProperty("saves", out var n) && n.TryGetInt32(out var count) ? count : 1;
            if (p.TryGetProperty("since", out var first) && first.TryGetDateTime(out var at))
            {
                since = at.ToUniversalTime();
            }
        }
        else
        {
            since = now;
        }
        if (!steps.Contains(step, StringComparer.Ordinal))
        {
            steps.Add(step);
        }
        fields.AddRange(changed.Where(c => !fields.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));
        return new { steps, fields, saves = saves + 1, since };
    }

    private async Task<Guid> CurrentVersionAsync(string id, CancellationToken ct)
        => await db.CaseStudies.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).SingleOrDefaultAsync(ct);

    private async Task ApplyOrganisationAsync(CaseStudy c, Submitter who, DraftInput input, List<FieldError> errors, List<string> changed, CancellationToken ct)
    {
        if (input.OriginalLanguage is "ar" or "en")
        {
            Set(c, nameof(CaseStudy.OriginalLanguage), input.OriginalLanguage, changed);
        }
        else if (!string.IsNullOrEmpty(input.OriginalLanguage))
        {
            errors.Add(new FieldError(nameof(DraftInput.OriginalLanguage), "Error.LanguageInvalid"));
        }
        var country = (input.Country ?? "").Trim().ToUpperInvariant();
        if (country.Length > 0 && country != c.CountryCode)
        {
            if (!await db.Countries.AnyAsync(x => x.Code == country, ct))
            {
                errors.Add(new FieldError(nameof(DraftInput.Country), "Error.CodeUnknown", country));
            }
            else if (who.IsFocalPoint && !who.MayActFor(country))
            {
                errors.Add(new FieldError(nameof(DraftInput.Country), "Error.CountryNotYours"));
            }
            else
            {
                Set(c, nameof(CaseStudy.CountryCode), country, changed);
            }
        }
        SetText(c, input, changed, errors, nameof(CaseStudy.OrganisationAr), nameof(CaseStudy.OrganisationEn));
        SetEnum<OrganisationType>(c, nameof(CaseStudy.OrganisationType), nameof(DraftInput.OrganisationType), input.OrganisationType, errors, changed);
        SetEnum<LevelOfGovernment>(c, nameof(CaseStudy.LevelOfGovernment), nameof(DraftInput.Level), input.Level, errors, changed);
        await SetTermsAsync(c, new() { [Taxonomies.Sector] = (nameof(DraftInput.Sectors), input.Sectors) }, errors, changed, ct);
    }

    private void ApplySummary(CaseStudy c, DraftInput input, List<FieldError> errors, List<string> changed)
    {
        SetText(c, input, changed, errors, nameof(CaseStudy.TitleAr), nameof(CaseStudy.TitleEn), nameof(CaseStudy.SummaryAr), nameof(CaseStudy.SummaryEn));
        foreach (var (field, value) in new[] { (nameof(DraftInput.SummaryAr), input.SummaryAr), (nameof(DraftInput.SummaryEn), input.SummaryEn) })
        {
            if (CountSentences(value) > MaxSummarySentences)
            {
                errors.Add(new FieldError(field, "Error.SummaryTooLong", MaxSummarySentences));
            }
        }
        var website = Clean(input.Website);
        if (website is not null && !IsWebAddress(website))
        {
            errors.Add(new FieldError(nameof(DraftInput.Website), "Error.UrlInvalid"));
        }
        else if (website is { Length: > CaseStudy.MaxWebsiteLength })
        {
            errors.Add(new FieldError(nameof(DraftInput.Website), "Error.TooLong", CaseStudy.MaxWebsiteLength));
        }
        else
        {
            Set(c, nameof(CaseStudy.Website), website, changed);
        }
        var yearText = Clean(input.YearLaunched);
        if (yearText is null)
        {
            Set(c, nameof(CaseStudy.YearLaunched), 0, changed);
        }
        else if (int.TryParse(Digits(yearText), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                 && year >= InterchangeValidator.FirstYear && year <= Now.Year)
        {
            Set(c, nameof(CaseStudy.YearLaunched), year, changed);
        }
        else
        {
            errors.Add(new FieldError(nameof(DraftInput.YearLaunched), "Error.YearInvalid", InterchangeValidator.FirstYear, Now.Year));
        }
        SetEnum<InitiativeStatus>(c, nameof(CaseStudy.InitiativeStatus), nameof(DraftInput.InitiativeStatus), input.InitiativeStatus, errors, changed);
    }

    private async Task ApplyMaterialsAsync(CaseStudy c, DraftInput input, List<FieldError> errors, List<string> changed, CancellationToken ct)
    {
        var links = Clean(input.VideoLinks);
        var bad = (links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !IsWebAddress(l)).ToList();
        if (bad.Count > 0)
        {
            errors.Add(new FieldError(nameof(DraftInput.VideoLinks), "Error.VideoLinkInvalid", bad[0]));
        }
        else
        {
            var normalized = links is null ? null : string.Join('\n', links.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Set(c, nameof(CaseStudy.VideoLinks), normalized, changed);
        }
        if (input.AltTexts.Count == 0)
        {
            return;
        }
        var attachments = await db.CaseStudyAttachments.Where(a => a.CaseStudyId == c.Id).ToListAsync(ct);
        foreach (var a in attachments)
        {
            if (!input.AltTexts.TryGetValue(a.Id, out var alt))
            {
                continue;
            }
            var ar = Clean(alt.Ar);
            var en = Clean(alt.En);
            if (ar is { Length: > CaseStudyAttachment.MaxAltTextLength } || en is { Length: > CaseStudyAttachment.MaxAltTextLength })
            {
                errors.Add(new FieldError("AltText:" + a.Id.ToString("D"), "Error.TooLong", CaseStudyAttachment.MaxAltTextLength));
                continue;
            }
            if (!string.Equals(a.AltTextAr, ar, StringComparison.Ordinal) || !string.Equals(a.AltTextEn, en, StringComparison.Ordinal))
            {
                a.AltTextAr = ar;
                a.AltTextEn = en;
                changed.Add("AltText");
            }
        }
    }

    private void ApplyConsent(CaseStudy c, DraftInput input, List<FieldError> errors, List<string> changed)
    {
        if (input.Consent && c.ConsentGivenAt is null)
        {
            c.ConsentGivenAt = Now;
            changed.Add(nameof(CaseStudy.ConsentGivenAt));
        }
        else if (!input.Consent && c.ConsentGivenAt is not null)
        {
            c.ConsentGivenAt = null;
            changed.Add(nameof(CaseStudy.ConsentGivenAt));
        }
        foreach (var (field, value, max) in new[]
                 {
                     (nameof(CaseStudy.ContactName), input.ContactName, 200), (nameof(CaseStudy.ContactPhone), input.ContactPhone, 50),
                     (nameof(CaseStudy.PublicContactName), input.PublicContactName, 200),
                 })
        {
            var v = Clean(value);
            if (v is not null && v.Length > max)
            {
                errors.Add(new FieldError(field, "Error.TooLong", max));
            }
            else
            {
                Set(c, field, v, changed);
            }
        }
        foreach (var (field, value) in new[] { (nameof(CaseStudy.ContactEmail), input.ContactEmail), (nameof(CaseStudy.PublicContactEmail), input.PublicContactEmail) })
        {
            var v = Clean(value);
            if (v is not null && !IsEmail(v))
            {
                errors.Add(new FieldError(field, "Error.EmailInvalid"));
            }
            else
            {
                Set(c, field, v, changed);
            }
        }
    }

    /// <summary>Sets text properties of the case study from the same-named input properties, trimmed, blank as null.</summary>
    private void SetText(CaseStudy c, DraftInput input, List<string> changed, List<FieldError> errors, params string[] fields)
    {
        foreach (var field in fields)
        {
            var value = Clean((string?)typeof(DraftInput).GetProperty(field)!.GetValue(input));
            var max = field.StartsWith("Title", StringComparison.Ordinal) ? CaseStudy.MaxTitleLength
                : field.StartsWith("Organisation", StringComparison.Ordinal) ? CaseStudy.MaxShortTextLength
                : MaxTextLength;
            if (value is not null && value.Length > max)
            {
                errors.Add(new FieldError(field, "Error.TooLong", max));
                continue;
            }
            Set(c, field, value, changed);
        }
    }

    private void Set(CaseStudy c, string property, object? value, List<string> changed)
    {
        var entry = db.Entry(c).Property(property);
        if (!Equals(entry.CurrentValue, value))
        {
            entry.CurrentValue = value;
            changed.Add(property);
        }
    }

    private void SetEnum<TEnum>(CaseStudy c, string property, string field, string? code, List<FieldError> errors, List<string> changed)
        where TEnum : struct, Enum
    {
        code = Clean(code);
        if (code is null)
        {
            Set(c, property, null, changed);
            return;
        }
        var value = Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v => CaseStudies.Codes.Of(v!.Value) == code);
        if (value is null)
        {
            errors.Add(new FieldError(field, "Error.CodeUnknown", code));
        }
        else
        {
            Set(c, property, value, changed);
        }
    }

    /// <summary>Replaces the case study's terms of the given taxonomies; an unknown code is an error on its field.</summary>
    private async Task SetTermsAsync(CaseStudy c, Dictionary<string, (string Field, List<string> Codes)> wanted, List<FieldError> errors, List<string> changed, CancellationToken ct)
    {
        var taxonomies = wanted.Keys.ToList();
        var known = await db.TaxonomyTerms.AsNoTracking().Where(t => taxonomies.Contains(t.Taxonomy)).Select(t => new { t.Id, t.Taxonomy, t.Code }).ToListAsync(ct);
        var current = await db.CaseStudyTerms.Where(t => t.CaseStudyId == c.Id && taxonomies.Contains(t.Term!.Taxonomy)).ToListAsync(ct);
        foreach (var (taxonomy, (field, codes)) in wanted)
        {
            var ids = new HashSet<int>();
            foreach (var code in codes.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct(StringComparer.Ordinal))
            {
                var term = known.FirstOrDefault(t => t.Taxonomy == taxonomy && t.Code == code);
                if (term is null)
                {
                    errors.Add(new FieldError(field, "Error.CodeUnknown", code));
                }
                else
                {
                    ids.Add(term.Id);
                }
            }
            var inTaxonomy = current.Where(t => known.Any(k => k.Id == t.TermId && k.Taxonomy == taxonomy)).ToList();
            var remove = inTaxonomy.Where(t => !ids.Contains(t.TermId)).ToList();
            var add = ids.Where(i => inTaxonomy.All(t => t.TermId != i)).ToList();
            if (remove.Count == 0 && add.Count == 0)
            {
                continue;
            }
            db.CaseStudyTerms.RemoveRange(remove);
            db.CaseStudyTerms.AddRange(add.Select(i => new CaseStudyTerm { CaseStudyId = c.Id, TermId = i }));
            changed.Add(field);
        }
    }

    // ───────────────────────────── Completeness and submit ─────────────────────────────

    private static readonly string[] CoreTexts = ["Organisation", "Title", "Summary", "Problem", "Description", "Results"];

    /// <summary>What the final submit still needs, each with the step and field that hold it.</summary>
    public static IReadOnlyList<MissingField> Missing(CaseStudy c, IReadOnlyCollection<(string Taxonomy, string Code)> terms, IReadOnlyCollection<CaseStudyAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(attachments);
        var missing = new List<MissingField>();
        string? Text(string name, string language) => (string?)typeof(CaseStudy).GetProperty(name + (language == "ar" ? "Ar" : "En"))!.GetValue(c);
        bool Complete(string language) => CoreTexts.All(n => !string.IsNullOrWhiteSpace(Text(n, language)));
        var complete = CaseStudies.Codes.Languages.Where(Complete).ToList();
        if (complete.Count == 0)
        {
            var language = c.OriginalLanguage == "en" ? "en" : "ar";
            foreach (var name in CoreTexts.Where(n => string.IsNullOrWhiteSpace(Text(n, language))))
            {
                var field = name + (language == "ar" ? "Ar" : "En");
                missing.Add(new MissingField(SubmissionSteps.StepOf(field), field, "Missing.Text"));
            }
        }
        void Need(bool ok, string field)
        {
            if (!ok)
            {
                missing.Add(new MissingField(SubmissionSteps.StepOf(field), field, "Missing.Field"));
            }
        }
        Need(c.OrganisationType is not null, nameof(DraftInput.OrganisationType));
        Need(c.LevelOfGovernment is not null, nameof(DraftInput.Level));
        Need(terms.Any(t => t.Taxonomy == Taxonomies.Sector), nameof(DraftInput.Sectors));
        Need(c.YearLaunched > 0, nameof(DraftInput.YearLaunched));
        Need(terms.Any(t => t.Taxonomy == Taxonomies.Technology), nameof(DraftInput.Technologies));
        Need(terms.Any(t => t.Taxonomy == Taxonomies.Dimension), nameof(DraftInput.Dimensions));
        Need(c.ConsentGivenAt is not null, nameof(DraftInput.Consent));
        Need(!string.IsNullOrWhiteSpace(c.ContactName), nameof(DraftInput.ContactName));
        Need(!string.IsNullOrWhiteSpace(c.ContactEmail), nameof(DraftInput.ContactEmail));
        var languages = LanguagesOf(c);
        foreach (var image in attachments.Where(a => a.IsImage))
        {
            foreach (var language in languages)
            {
                if (string.IsNullOrWhiteSpace(language == "ar" ? image.AltTextAr : image.AltTextEn))
                {
                    missing.Add(new MissingField(SubmissionStep.Materials, $"AltText:{image.Id:D}:{language}", "Missing.AltText"));
                }
            }
        }
        return missing;
    }

    /// <summary>Whether the call (or the extension an editor granted) still takes this draft.</summary>
    public bool IsWindowOpen(CaseStudy c, Calls.SubmissionCall? call)
    {
        ArgumentNullException.ThrowIfNull(c);
        var now = Now;
        if (c.Status != CaseStudyStatus.Draft || c.CallId is null)
        {
            return true;
        }
        return (call is not null && call.IsOpenAt(now)) || (c.ExtendedUntil is { } until && now < until);
    }

    /// <summary>
    /// The final submit: checks the window (open call or extension), the version and completeness, then moves
    /// Draft → Submitted (or ChangesRequested → InReview when the owner answers a change request) through the
    /// workflow, which records the transition and the audit entry. The outcome lists the owner and co-authors to e-mail.
    /// </summary>
    public async Task<SubmissionOutcome> SubmitAsync(AuditActor actor, Submitter who, string id, Guid version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var (found, refusal) = await FindEditableAsync(who, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var c = found.CaseStudy!;
        var call = c.CallId is { } callId ? await db.SubmissionCalls.AsNoTracking().SingleOrDefaultAsync(x => x.Id == callId, ct) : null;
        if (!IsWindowOpen(c, call))
        {
            return SubmissionOutcome.Of(SubmissionResult.Closed);
        }
        if (c.Version != version)
        {
            return new SubmissionOutcome(SubmissionResult.Conflict) { Id = id, Version = c.Version };
        }
        var terms = await db.CaseStudyTerms.AsNoTracking().Where(t => t.CaseStudyId == id).Select(t => new { t.Term!.Taxonomy, t.Term.Code }).ToListAsync(ct);
        var attachments = await db.CaseStudyAttachments.AsNoTracking().Where(a => a.CaseStudyId == id).ToListAsync(ct);
        var missing = Missing(c, [.. terms.Select(t => (t.Taxonomy, t.Code))], attachments);
        if (missing.Count > 0)
        {
            return new SubmissionOutcome(SubmissionResult.Incomplete) { Id = id, Version = c.Version, Missing = missing };
        }
        var to = c.Status == CaseStudyStatus.ChangesRequested ? CaseStudyStatus.InReview : CaseStudyStatus.Submitted;
        workflow.Apply(c, to, actor);
        var recipients = await AuthorsAsync(c, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SubmissionOutcome(SubmissionResult.Conflict) { Id = id, Version = await CurrentVersionAsync(id, ct) };
        }
        return new SubmissionOutcome(SubmissionResult.Ok) { Id = id, Version = c.Version, Recipients = recipients };
    }

    /// <summary>The owner and the co-authors, each in their preferred language.</summary>
    private async Task<List<Recipient>> AuthorsAsync(CaseStudy c, CancellationToken ct)
    {
        var list = new List<Recipient>();
        if (c.OwnerId is { } ownerId)
        {
            var owner = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => new { u.Email, u.PreferredLanguage, u.DisplayName }).SingleOrDefaultAsync(ct);
            if (owner?.Email is not null)
            {
                list.Add(new Recipient(owner.Email, owner.PreferredLanguage, owner.DisplayName));
            }
        }
        var coAuthors = await db.CaseStudyCoAuthors.AsNoTracking().Where(a => a.CaseStudyId == c.Id).Select(a => new { a.Email, a.NormalizedEmail }).ToListAsync(ct);
        var normalized = coAuthors.Select(a => a.NormalizedEmail).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => normalized.Contains(u.NormalizedEmail!))
            .Select(u => new { u.NormalizedEmail, u.PreferredLanguage, u.DisplayName }).ToListAsync(ct);
        foreach (var a in coAuthors)
        {
            var account = accounts.FirstOrDefault(x => x.NormalizedEmail == a.NormalizedEmail);
            if (!list.Any(r => string.Equals(r.Email, a.Email, StringComparison.OrdinalIgnoreCase)))
            {
                list.Add(new Recipient(a.Email, account?.PreferredLanguage ?? c.OriginalLanguage, account?.DisplayName));
            }
        }
        return list;
    }

    /// <summary>The owner withdraws a submission before it is accepted, through the workflow.</summary>
    public async Task<SubmissionOutcome> WithdrawAsync(AuditActor actor, Submitter who, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var found = await FindAsync(who, id, track: true, ct);
        if (found.CaseStudy is null)
        {
            return SubmissionOutcome.Of(found.Result);
        }
        if (found.Access != SubmissionAccess.Owner)
        {
            return SubmissionOutcome.Of(SubmissionResult.Forbidden);
        }
        if (!CaseStudyWorkflow.IsAllowed(found.CaseStudy.Status, CaseStudyStatus.Withdrawn))
        {
            return SubmissionOutcome.Of(SubmissionResult.NotEditable);
        }
        workflow.Apply(found.CaseStudy, CaseStudyStatus.Withdrawn, actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SubmissionOutcome.Of(SubmissionResult.Conflict);
        }
        return new SubmissionOutcome(SubmissionResult.Ok) { Id = id };
    }

    // ───────────────────────────── Attachments ─────────────────────────────

    /// <summary>
    /// Attaches a file whose type is found from its content (PDF, Office document, image); at most
    /// <see cref="StoredFile.MaxLength"/> bytes; an image needs its alternative text in each language the case study has.
    /// </summary>
    public async Task<SubmissionOutcome> AddAttachmentAsync(AuditActor actor, Submitter who, string id, string? fileName, long length, byte[] content, string? altAr, string? altEn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(content);
        var (found, refusal) = await FindEditableAsync(who, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var c = found.CaseStudy!;
        if (length > StoredFile.MaxLength || content.Length > StoredFile.MaxLength)
        {
            return SubmissionOutcome.Invalid("Upload", "Error.FileTooLarge", StoredFile.MaxLength / (1024 * 1024));
        }
        if (content.Length == 0)
        {
            return SubmissionOutcome.Invalid("Upload", "Error.FileEmpty");
        }
        var kind = FileInspector.Inspect(content);
        if (kind is null)
        {
            return SubmissionOutcome.Invalid("Upload", "Error.FileType");
        }
        altAr = Clean(altAr);
        altEn = Clean(altEn);
        if (altAr is { Length: > CaseStudyAttachment.MaxAltTextLength } || altEn is { Length: > CaseStudyAttachment.MaxAltTextLength })
        {
            return SubmissionOutcome.Invalid(altAr is { Length: > CaseStudyAttachment.MaxAltTextLength } ? "UploadAltAr" : "UploadAltEn", "Error.TooLong", CaseStudyAttachment.MaxAltTextLength);
        }
        if (kind.IsImage)
        {
            var errors = LanguagesOf(c)
                .Where(l => (l == "ar" ? altAr : altEn) is null)
                .Select(l => new FieldError(l == "ar" ? "UploadAltAr" : "UploadAltEn", "Error.AltTextRequired"))
                .ToList();
            if (errors.Count > 0)
            {
                return SubmissionOutcome.Invalid(errors);
            }
        }
        var count = await db.CaseStudyAttachments.CountAsync(a => a.CaseStudyId == id, ct);
        if (count >= MaxAttachments)
        {
            return SubmissionOutcome.Invalid("Upload", "Error.TooManyFiles", MaxAttachments);
        }
        var now = Now;
        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            ContentType = kind.ContentType,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            CreatedAt = now,
            UploadedById = who.UserId,
            Content = content,
        };
        var attachment = new CaseStudyAttachment
        {
            Id = Guid.NewGuid(),
            CaseStudyId = id,
            FileId = file.Id,
            FileName = FileInspector.SafeFileName(fileName, kind, CaseStudyAttachment.MaxFileNameLength),
            ContentType = kind.ContentType,
            Length = content.Length,
            IsImage = kind.IsImage,
            AltTextAr = altAr,
            AltTextEn = altEn,
            Position = count,
            UploadedAt = now,
            UploadedById = who.UserId,
        };
        db.StoredFiles.Add(file);
        db.CaseStudyAttachments.Add(attachment);
        audit.Record(actor, "case-study.attachment-added", "CaseStudy", id,
            after: new { attachment = attachment.Id, attachment.FileName, attachment.ContentType, attachment.Length, file.Sha256 });
        await db.SaveChangesAsync(ct);
        return new SubmissionOutcome(SubmissionResult.Ok) { Id = attachment.Id.ToString("D"), Version = c.Version };
    }

    public async Task<SubmissionOutcome> RemoveAttachmentAsync(AuditActor actor, Submitter who, string id, Guid attachmentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var (found, refusal) = await FindEditableAsync(who, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var attachment = await db.CaseStudyAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.CaseStudyId == id, ct);
        if (attachment is null)
        {
            return SubmissionOutcome.Of(SubmissionResult.NotFound);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CaseStudyAttachments.Remove(attachment);
        audit.Record(actor, "case-study.attachment-removed", "CaseStudy", id, before: new { attachment = attachment.Id, attachment.FileName });
        await db.SaveChangesAsync(ct);
        // Revisions share the published case study's files: the bytes go only with their last link.
        if (!await db.CaseStudyAttachments.AnyAsync(a => a.FileId == attachment.FileId, ct))
        {
            await db.StoredFiles.Where(f => f.Id == attachment.FileId).ExecuteDeleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new SubmissionOutcome(SubmissionResult.Ok) { Id = id, Version = found.CaseStudy!.Version };
    }

    /// <summary>
    /// A file for download, if <paramref name="who"/> (null: not signed in) may see its case study: everyone when it is
    /// published; otherwise its owner, co-authors, focal points of its country, staff and reviewers assigned to it (the
    /// same people as the read-only preview). The one rule for case-study files, wherever they are linked from.
    /// </summary>
    public async Task<(SubmissionResult Result, FileDownload? File)> GetFileAsync(Submitter? who, Guid attachmentId, CancellationToken ct = default)
    {
        var attachment = await db.CaseStudyAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, ct);
        if (attachment is null)
        {
            return (SubmissionResult.NotFound, null);
        }
        var c = await db.CaseStudies.AsNoTracking().SingleAsync(x => x.Id == attachment.CaseStudyId, ct);
        var isPublic = c.Status == CaseStudyStatus.Published && c.RevisionOfId is null;
        if (!isPublic)
        {
            if (who is null)
            {
                return (SubmissionResult.Forbidden, null);
            }
            var (access, _) = await AccessAsync(who, c, ct);
            if (access == SubmissionAccess.None)
            {
                return (who.IsFocalPoint ? SubmissionResult.Forbidden : SubmissionResult.NotFound, null);
            }
        }
        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Id == attachment.FileId).Select(f => f.Content).SingleAsync(ct);
        return (SubmissionResult.Ok, new FileDownload(attachment.FileName, attachment.ContentType, attachment.IsImage, content));
    }

    // ───────────────────────────── Co-authors ─────────────────────────────

    /// <summary>The owner invites a co-author by e-mail; the outcome's recipient is the person to e-mail the link to.</summary>
    public async Task<SubmissionOutcome> InviteCoAuthorAsync(AuditActor actor, Submitter who, string id, string? email, string fallbackLanguage, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var (found, refusal) = await FindEditableAsync(who, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (found.Access != SubmissionAccess.Owner)
        {
            return SubmissionOutcome.Of(SubmissionResult.Forbidden);
        }
        email = Clean(email);
        if (email is null || !IsEmail(email) || email.Length > 256)
        {
            return SubmissionOutcome.Invalid("CoAuthorEmail", email is null ? "Error.Required" : "Error.EmailInvalid");
        }
        var normalized = email.ToUpperInvariant();
        if (normalized == await ConfirmedEmailAsync(who, ct))
        {
            return SubmissionOutcome.Invalid("CoAuthorEmail", "Error.CoAuthorIsOwner");
        }
        var existing = await db.CaseStudyCoAuthors.Where(a => a.CaseStudyId == id).Select(a => a.NormalizedEmail).ToListAsync(ct);
        if (existing.Contains(normalized))
        {
            return SubmissionOutcome.Invalid("CoAuthorEmail", "Error.CoAuthorExists");
        }
        if (existing.Count >= MaxCoAuthors)
        {
            return SubmissionOutcome.Invalid("CoAuthorEmail", "Error.TooManyCoAuthors", MaxCoAuthors);
        }
        db.CaseStudyCoAuthors.Add(new CaseStudyCoAuthor { CaseStudyId = id, Email = email, NormalizedEmail = normalized, InvitedAt = Now, InvitedById = who.UserId });
        audit.Record(actor, "case-study.co-author-invited", "CaseStudy", id, after: new { email });
        await db.SaveChangesAsync(ct);
        var account = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => new { u.PreferredLanguage, u.DisplayName }).FirstOrDefaultAsync(ct);
        return new SubmissionOutcome(SubmissionResult.Ok)
        {
            Id = id,
            Version = found.CaseStudy!.Version,
            Recipients = [new Recipient(email, account?.PreferredLanguage ?? fallbackLanguage, account?.DisplayName)],
        };
    }

    public async Task<SubmissionOutcome> RemoveCoAuthorAsync(AuditActor actor, Submitter who, string id, string? email, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var found = await FindAsync(who, id, track: true, ct);
        if (found.CaseStudy is null)
        {
            return SubmissionOutcome.Of(found.Result);
        }
        if (found.Access != SubmissionAccess.Owner)
        {
            return SubmissionOutcome.Of(SubmissionResult.Forbidden);
        }
        var normalized = (email ?? "").Trim().ToUpperInvariant();
        var row = await db.CaseStudyCoAuthors.SingleOrDefaultAsync(a => a.CaseStudyId == id && a.NormalizedEmail == normalized, ct);
        if (row is null)
        {
            return SubmissionOutcome.Of(SubmissionResult.NotFound);
        }
        db.CaseStudyCoAuthors.Remove(row);
        audit.Record(actor, "case-study.co-author-removed", "CaseStudy", id, before: new { email = row.Email });
        await db.SaveChangesAsync(ct);
        return new SubmissionOutcome(SubmissionResult.Ok) { Id = id, Version = found.CaseStudy.Version };
    }

    // ───────────────────────────── Lists ─────────────────────────────

    /// <summary>The person's own and co-authored case studies, newest change first, each with its history of transitions.</summary>
    public async Task<IReadOnlyList<MySubmission>> ListMineAsync(Submitter who, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var email = await ConfirmedEmailAsync(who, ct);
        var coAuthored = email is null ? db.CaseStudyCoAuthors.Where(a => false).Select(a => a.CaseStudyId)
            : db.CaseStudyCoAuthors.Where(a => a.NormalizedEmail == email).Select(a => a.CaseStudyId);
        var rows = await db.CaseStudies.AsNoTracking()
            .Where(c => c.OwnerId == who.UserId || coAuthored.Contains(c.Id))
            .OrderByDescending(c => c.UpdatedAt)
            .Select(c => new { c.Id, c.TitleAr, c.TitleEn, c.OriginalLanguage, c.CountryCode, c.Status, c.UpdatedAt, c.SubmittedAt, c.OwnerId, c.RevisionOfId })
            .Take(500)
            .ToListAsync(ct);
        return await WithHistoryAsync(rows.Select(r => (r.Id, r.TitleAr, r.TitleEn, r.OriginalLanguage, r.CountryCode, r.Status, r.UpdatedAt, r.SubmittedAt, r.OwnerId == who.UserId, r.RevisionOfId)).ToList(), ct);
    }

    /// <summary>For a focal point: the drafts (and change requests) of their countries that others started.</summary>
    public async Task<IReadOnlyList<MySubmission>> ListCountryDraftsAsync(Submitter who, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (!who.IsFocalPoint || who.Countries.Count == 0)
        {
            return [];
        }
        var countries = who.Countries.ToList();
        var editable = EditableStates.ToList();
        var rows = await db.CaseStudies.AsNoTracking()
            .Where(c => countries.Contains(c.CountryCode) && editable.Contains(c.Status) && c.OwnerId != who.UserId)
            .OrderByDescending(c => c.UpdatedAt)
            .Select(c => new { c.Id, c.TitleAr, c.TitleEn, c.OriginalLanguage, c.CountryCode, c.Status, c.UpdatedAt, c.SubmittedAt, c.RevisionOfId })
            .Take(500)
            .ToListAsync(ct);
        return await WithHistoryAsync(rows.Select(r => (r.Id, r.TitleAr, r.TitleEn, r.OriginalLanguage, r.CountryCode, r.Status, r.UpdatedAt, r.SubmittedAt, false, r.RevisionOfId)).ToList(), ct);
    }

    private async Task<IReadOnlyList<MySubmission>> WithHistoryAsync(
        List<(string Id, string? TitleAr, string? TitleEn, string OriginalLanguage, string CountryCode, CaseStudyStatus Status, DateTime UpdatedAt, DateTime? SubmittedAt, bool IsOwner, string? RevisionOfId)> rows,
        CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var history = (await db.CaseStudyTransitions.AsNoTracking().Where(t => ids.Contains(t.CaseStudyId)).ToListAsync(ct))
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToLookup(t => t.CaseStudyId, StringComparer.Ordinal);
        var closed = ClosedRevisionStates.ToList();
        var revised = (await db.CaseStudies.AsNoTracking()
            .Where(c => c.RevisionOfId != null && ids.Contains(c.RevisionOfId) && c.MergedAt == null && !closed.Contains(c.Status))
            .Select(c => c.RevisionOfId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return rows.Select(r => new MySubmission(r.Id, r.TitleAr, r.TitleEn, r.OriginalLanguage, r.CountryCode, r.Status, r.UpdatedAt, r.SubmittedAt,
            r.IsOwner, r.RevisionOfId, revised.Contains(r.Id), [.. history[r.Id]])).ToList();
    }

    // ───────────────────────────── Revisions ─────────────────────────────

    /// <summary>
    /// "Propose an update" of a published case study (by its owner or a co-author): a new draft row with
    /// <c>RevisionOfId</c> set, a copy of every field, term, attachment link and co-author; the published text stays
    /// online. When an open revision exists already, its id is returned instead of creating a second one.
    /// </summary>
    public async Task<SubmissionOutcome> ProposeRevisionAsync(AuditActor actor, Submitter who, string publishedId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        var found = await FindAsync(who, publishedId, track: false, ct);
        if (found.CaseStudy is null)
        {
            return SubmissionOutcome.Of(found.Result);
        }
        var published = found.CaseStudy;
        if (!found.IsAuthor)
        {
            return SubmissionOutcome.Of(SubmissionResult.Forbidden);
        }
        if (published.Status != CaseStudyStatus.Published || published.RevisionOfId is not null)
        {
            return SubmissionOutcome.Of(SubmissionResult.NotEditable);
        }
        var closed = ClosedRevisionStates.ToList();
        var open = await db.CaseStudies.AsNoTracking()
            .Where(c => c.RevisionOfId == publishedId && c.MergedAt == null && !closed.Contains(c.Status))
            .Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            return new SubmissionOutcome(SubmissionResult.Ok) { Id = open };
        }

        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var id = await NewIdAsync(publishedId.Length > 80 ? publishedId[..80].TrimEnd('-') + "-rev" : publishedId + "-rev", ct);
        var revision = new CaseStudy { Id = id, CountryCode = published.CountryCode };
        CopyTemplate(published, revision);
        revision.RevisionOfId = publishedId;
        revision.OwnerId = published.OwnerId ?? who.UserId;
        revision.Status = CaseStudyStatus.Draft;
        revision.CreatedAt = now;
        revision.UpdatedAt = now;
        db.CaseStudies.Add(revision);
        var termIds = await db.CaseStudyTerms.AsNoTracking().Where(t => t.CaseStudyId == publishedId).Select(t => t.TermId).ToListAsync(ct);
        db.CaseStudyTerms.AddRange(termIds.Select(t => new CaseStudyTerm { CaseStudyId = id, TermId = t }));
        var attachments = await db.CaseStudyAttachments.AsNoTracking().Where(a => a.CaseStudyId == publishedId).ToListAsync(ct);
        db.CaseStudyAttachments.AddRange(attachments.Select(a => new CaseStudyAttachment
        {
            Id = Guid.NewGuid(),
            CaseStudyId = id,
            FileId = a.FileId,
            FileName = a.FileName,
            ContentType = a.ContentType,
            Length = a.Length,
            IsImage = a.IsImage,
            AltTextAr = a.AltTextAr,
            AltTextEn = a.AltTextEn,
            Position = a.Position,
            UploadedAt = a.UploadedAt,
            UploadedById = a.UploadedById,
        }));
        var coAuthors = await db.CaseStudyCoAuthors.AsNoTracking().Where(a => a.CaseStudyId == publishedId).ToListAsync(ct);
        db.CaseStudyCoAuthors.AddRange(coAuthors.Select(a => new CaseStudyCoAuthor
        {
            CaseStudyId = id, Email = a.Email, NormalizedEmail = a.NormalizedEmail, InvitedAt = a.InvitedAt, InvitedById = a.InvitedById,
        }));
        db.CaseStudyTransitions.Add(new CaseStudyTransition { CaseStudyId = id, From = null, To = CaseStudyStatus.Draft, At = now, ActorId = actor.UserId });
        audit.Record(actor, "case-study.revision-started", "CaseStudy", id, after: new { revisionOf = publishedId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SubmissionOutcome(SubmissionResult.Ok) { Id = id, Version = revision.Version };
    }

    /// <summary>Copies every template field (texts, codes, links, contacts, consent) from one case study to another.</summary>
    public static void CopyTemplate(CaseStudy from, CaseStudy to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        to.CountryCode = from.CountryCode;
        to.YearLaunched = from.YearLaunched;
        to.LevelOfGovernment = from.LevelOfGovernment;
        to.OrganisationType = from.OrganisationType;
        to.OriginalLanguage = from.OriginalLanguage;
        to.OrganisationAr = from.OrganisationAr;
        to.OrganisationEn = from.OrganisationEn;
        to.TitleAr = from.TitleAr;
        to.TitleEn = from.TitleEn;
        to.SummaryAr = from.SummaryAr;
        to.SummaryEn = from.SummaryEn;
        to.DescriptionAr = from.DescriptionAr;
        to.DescriptionEn = from.DescriptionEn;
        to.ProblemAr = from.ProblemAr;
        to.ProblemEn = from.ProblemEn;
        to.InnovationAr = from.InnovationAr;
        to.InnovationEn = from.InnovationEn;
        to.PartnersAr = from.PartnersAr;
        to.PartnersEn = from.PartnersEn;
        to.FundingAr = from.FundingAr;
        to.FundingEn = from.FundingEn;
        to.ChangeManagementAr = from.ChangeManagementAr;
        to.ChangeManagementEn = from.ChangeManagementEn;
        to.ResultsAr = from.ResultsAr;
        to.ResultsEn = from.ResultsEn;
        to.ChallengesAr = from.ChallengesAr;
        to.ChallengesEn = from.ChallengesEn;
        to.ConditionsForSuccessAr = from.ConditionsForSuccessAr;
        to.ConditionsForSuccessEn = from.ConditionsForSuccessEn;
        to.ReplicationAr = from.ReplicationAr;
        to.ReplicationEn = from.ReplicationEn;
        to.LessonsLearnedAr = from.LessonsLearnedAr;
        to.LessonsLearnedEn = from.LessonsLearnedEn;
        to.Website = from.Website;
        to.InitiativeStatus = from.InitiativeStatus;
        to.VideoLinks = from.VideoLinks;
        to.ContactName = from.ContactName;
        to.ContactEmail = from.ContactEmail;
        to.ContactPhone = from.ContactPhone;
        to.PublicContactName = from.PublicContactName;
        to.PublicContactEmail = from.PublicContactEmail;
        to.ConsentGivenAt = from.ConsentGivenAt;
    }

    // ───────────────────────────── Formats ─────────────────────────────

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var trimmed = value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>Arabic-Indic and Eastern Arabic-Indic digits as 0–9, so "٢٠٢١" is a year too.</summary>
    private static string Digits(string value)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0660' and <= '\u0669')
            {
                chars[i] = (char)('0' + (chars[i] - '\u0660'));
            }
            else if (chars[i] is >= '\u06F0' and <= '\u06F9')
            {
                chars[i] = (char)('0' + (chars[i] - '\u06F0'));
            }
        }
        return new string(chars);
    }

    public static bool IsWebAddress(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri)
           && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
           && !string.IsNullOrEmpty(uri.Host)
           && !value.Any(char.IsWhiteSpace);

    public static bool IsEmail(string value)
        => MailAddress.TryCreate(value, out var address) && string.Equals(address.Address, value, StringComparison.Ordinal) && value.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"(?<=[.!?؟…])[""'”’»)]*\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    /// <summary>Sentences in a text: pieces ended by . ! ? ؟ or … and a space (so "60.5" and "e.g.," do not split), that hold a letter or digit.</summary>
    public static int CountSentences(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        return SentenceBreak().Split(text.Trim()).Count(s => s.Any(char.IsLetterOrDigit));
    }
}
