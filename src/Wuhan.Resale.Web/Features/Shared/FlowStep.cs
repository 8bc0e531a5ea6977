namespace Wuhan.Resale.Web.Features.Shared;

/// <summary>The four steps of the filing flow, shown as the progress bar on every step's page.</summary>
public enum FlowStep
{
    RealNameAuth = 1,
    ListingVerification = 2,
    BuyerConfirmation = 3,
    ContractFiling = 4,
}

public static class FlowSteps
{
    public const string ViewDataKey = "FlowStep";

    public static readonly IReadOnlyList<(FlowStep Step, string Title)> All =
    [
        (FlowStep.RealNameAuth, "实名认证"),
        (FlowStep.ListingVerification, "房源核验"),
        (FlowStep.BuyerConfirmation, "确认买方"),
        (FlowStep.ContractFiling, "网签申报"),
    ];
}
