namespace Wuhan.Resale.Domain.Queries;

public enum PropertyQueryStatus
{
    /// <summary>查询中: waiting for the property registry.</summary>
    Pending,

    /// <summary>已完成.</summary>
    Completed,

    /// <summary>失败, with a reason the person can read.</summary>
    Failed,
}

public static class QueryStatusNames
{
    public static string DisplayName(this PropertyQueryStatus value) => value switch
    {
        PropertyQueryStatus.Pending => "查询中",
        PropertyQueryStatus.Completed => "已完成",
        _ => "失败",
    };
}
