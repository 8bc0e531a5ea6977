using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.Queries;

namespace Wuhan.Resale.UnitTests.Builders;

public sealed class PropertyQueryBuilder
{
    private Guid _id = Guid.NewGuid();
    private Guid _personId = Guid.NewGuid();
    private DateTimeOffset _requestedAt = TestData.Now;

    public PropertyQueryBuilder WithId(Guid id)
    {
        _id = id;
        return this;
    }

    public PropertyQueryBuilder ForPerson(Guid personId)
    {
        _personId = personId;
        return this;
    }

    public PropertyQueryBuilder RequestedAt(DateTimeOffset requestedAt)
    {
        _requestedAt = requestedAt;
        return this;
    }

    public PropertyQuery Build() => new(_id, "CX202611260001", _personId, TestData.SellerName, _requestedAt);

    public PropertyQuery BuildCompleted(params PropertyFacts[] homes)
    {
        var query = Build();
        query.Complete(homes, _requestedAt.AddMinutes(1));
        return query;
    }

    public PropertyQuery BuildFailed()
    {
        var query = Build();
        query.Fail("不动产登记系统暂时无法访问。", _requestedAt.AddMinutes(1));
        return query;
    }
}
