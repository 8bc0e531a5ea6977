namespace Wuhan.Resale.Web.Features.Shared;

/// <summary>
/// What every page offers to a person who is stuck: the 操作说明 of the step they are on, the hotline, and the 长辈版
/// (larger text and controls) remembered in a cookie. Read by the layout; the pages themselves live in Features/Help.
/// </summary>
public static class PortalHelp
{
    /// <summary>ViewData key a page sets to name its help topic when it is not one of the four steps.</summary>
    public const string TopicKey = "HelpTopic";

    /// <summary>Cookie holding "1" while the 长辈版 is on. Not personal data, not a secret: only a display choice.</summary>
    public const string ElderCookie = "wr_elder";

    /// <summary>The citizens' service hotline (12345 政务服务便民热线), shown in every page's footer.</summary>
    public const string Hotline = "12345";

    public const string HotlineHours = "每天 8:00—20:00";

    public static string TopicFor(FlowStep step) => step switch
    {
        FlowStep.RealNameAuth => "login",
        FlowStep.ListingVerification => "listing",
        FlowStep.BuyerConfirmation => "buyers",
        FlowStep.ContractFiling => "filing",
        _ => string.Empty,
    };

    public static bool IsElder(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Cookies[ElderCookie] == "1";
    }
}
