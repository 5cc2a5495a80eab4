namespace Enact.Core.CaseStudies;

/// <summary>A file attached to a case study (PDF, Office document or image); the bytes are a <c>StoredFile</c>.</summary>
public sealed class CaseStudyAttachment
{
    public const int MaxFileNameLength = 255;
    public const int MaxAltTextLength = 500;

    public Guid Id { get; set; }
    public required string CaseStudyId { get; set; }
    public Guid FileId { get; set; }
    /// <summary>The name shown for download (sanitized; never used as a path).</summary>
    public required string FileName { get; set; }
    /// <summary>The media type detected from the content.</summary>
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public bool IsImage { get; set; }
    /// <summary>Alternative text of an image, per language (required for images in every language the case study has).</summary>
    public string? AltTextAr { get; set; }
    public string? AltTextEn { get; set; }
    public int Position { get; set; }
    public DateTime UploadedAt { get; set; }
    public Guid? UploadedById { get; set; }
}

/// <summary>A co-author invited by e-mail: once signed in with that (confirmed) address, they edit the submission with the owner.</summary>
public sealed class CaseStudyCoAuthor
{
    public required string CaseStudyId { get; set; }
    /// <summary>Upper-case invariant form of the address, as Identity normalizes e-mails.</summary>
    public required string NormalizedEmail { get; set; }
    public required string Email { get; set; }
    public DateTime InvitedAt { get; set; }
    public Guid? InvitedById { get; set; }
}

/// <summary>One step of a case study's way through review: the owner's history and the editors' record.</summary>
public sealed class CaseStudyTransition
{
    public long Id { get; set; }
    public required string CaseStudyId { get; set; }
    public CaseStudyStatus? From { get; set; }
    public CaseStudyStatus To { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    /// <summary>The editor's reason for a decision (required for changes requested, rejection and archiving).</summary>
    public string? Reason { get; set; }
}

/// <summary>Each publication of a case study: the first, then each published revision (the public page lists their dates).</summary>
public sealed class CaseStudyPublication
{
    public long Id { get; set; }
    public required string CaseStudyId { get; set; }
    /// <summary>1 for the first publication, then 2, 3...</summary>
    public int Number { get; set; }
    public DateTime PublishedAt { get; set; }
    public Guid? PublishedById { get; set; }
    /// <summary>The revision row that was merged (null for the first publication).</summary>
    public string? RevisionId { get; set; }
}
