namespace Wuhan.Resale.Web.Infrastructure;

/// <summary>Claims the portal adds at sign-in.</summary>
public static class PortalClaims
{
    /// <summary>Every claim type of the portal starts with this, so a refreshed principal can carry them over.</summary>
    public const string Prefix = "wr:";

    /// <summary>The verified person behind a citizen account.</summary>
    public const string PersonId = "wr:person_id";

    /// <summary>The person's ID type and the keyed hash of their ID number: who they are, for the access rules, without a read.</summary>
    public const string IdType = "wr:id_type";

    /// <summary>The keyed hash of the person's ID number (never the number itself).</summary>
    public const string IdNumberHash = "wr:id_hash";

    /// <summary>The id of the key pair <see cref="IdNumberHash"/> was made with; a session from before a key change reads its hashes anew.</summary>
    public const string IdNumberHashKey = "wr:id_hash_key";

    /// <summary>The name shown to the signed-in person themselves.</summary>
    public const string DisplayName = "wr:display_name";

    /// <summary>How the audit log names the actor: a masked name, never an ID number.</summary>
    public const string AuditName = "wr:audit_name";

    /// <summary>When this session began (Unix seconds), for the absolute session limit.</summary>
    public const string SignedInAt = "wr:signed_in_at";

    /// <summary>The server-side <see cref="Data.UserSession"/> this cookie belongs to; checked on every request.</summary>
    public const string SessionId = "wr:session_id";

    /// <summary>A staff member signed in with a password only where a second factor is required: enrolment comes first.</summary>
    public const string MustEnrolTwoFactor = "wr:must_enrol_2fa";
}
