namespace Wuhan.Resale.Web.Features.Shared;

/// <summary>One entry of a district drop-down (所属区): the seller's 更新房屋所属区 and the staff's case pages.</summary>
public sealed record DistrictOption(string Code, string Name);
