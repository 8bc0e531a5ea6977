using Microsoft.AspNetCore.Identity;

namespace Wuhan.Resale.Web.Data;

/// <summary>
/// A signed-in account. Citizens get one on their first real-name login (no password) linked to their
/// <see cref="Domain.People.Person"/>; staff accounts have a password, a role and a district office.
/// Identity's own PhoneNumber column stays empty: phone numbers live encrypted on the person.
/// </summary>
public sealed class ApplicationUser : IdentityUser
{
    public Guid? PersonId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>For staff: the district office they work for; null for city-wide administrators.</summary>
    public string? DistrictCode { get; set; }
}

public static class Roles
{
    /// <summary>窗口工作人员.</summary>
    public const string CounterClerk = "CounterClerk";

    /// <summary>管理员.</summary>
    public const string Administrator = "Administrator";
}
