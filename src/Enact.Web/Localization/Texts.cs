namespace Enact.Web.Localization;

// Marker classes for the resource files beside them: one pair (ar, en) per area, so each feature owns its texts.
// A test checks that every pair has the same keys.

/// <summary>Layout, navigation, common buttons, validation messages, error pages.</summary>
public sealed class SharedText;

/// <summary>Account pages: registration, sign-in, two-factor, profile, password and e-mails about them; Identity's error messages.</summary>
public sealed class AccountText;

/// <summary>Administration pages (accounts, audit trail, outgoing mail, countries) and the country workspace.</summary>
public sealed class AdminText;

/// <summary>The public library of case studies: search, facets, map, detail page, exports and feed.</summary>
public sealed class CaseStudyText;

/// <summary>The submission template: starting, its steps, attachments, co-authors, preview and submit, "My submissions", and their e-mails.</summary>
public sealed class SubmissionText;
/// <summary>Events: list, event page, registration, ratings, calendar files, e-mails and the editors' pages.</summary>
public sealed class EventText;

/// <summary>Review to publication: the editors' queue and decisions, reviewers' rubric, and the e-mails about them.</summary>
public sealed class ReviewText;

/// <summary>Calls for submissions: public list and page, editors' forms, submissions and extensions, reminder e-mails.</summary>
public sealed class CallText;

/// <summary>Projects and their activities: project and activity pages, editors' forms, offers per activity.</summary>
public sealed class ProjectText;

/// <summary>News: list, item page, Atom feed, related news and the editors' pages.</summary>
public sealed class NewsText;

/// <summary>Organisations: directory, organisation pages and forms, verification, offers to collaborate and their e-mails.</summary>
public sealed class OrganisationText;

/// <summary>Staff's pages of projects: list and creation of projects, new activities, their order, and the events and calls linked to an activity.</summary>
public sealed class ProjectAdminText;

/// <summary>Organisation membership: requests to join and their answers, the members list, leaving and removal, and the e-mails about them.</summary>
public sealed class OrganisationMembershipText;

/// <summary>Forms that carry files: what a person reads when a request is too large to be read at all.</summary>
public sealed class UploadText;
