using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.Builders;

public sealed class PersonBuilder
{
    private Guid _id = Guid.NewGuid();
    private string _name = TestData.SellerName;
    private string _idNumber = TestData.SellerIdNumber;
    private string _phone = TestData.SellerPhone;

    public PersonBuilder WithId(Guid id)
    {
        _id = id;
        return this;
    }

    public PersonBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public PersonBuilder WithIdNumber(string idNumber)
    {
        _idNumber = idNumber;
        return this;
    }

    public PersonBuilder WithPhone(string phone)
    {
        _phone = phone;
        return this;
    }

    public Person Build() =>
        new(_id, _name, TestData.ResidentId(_idNumber), PhoneNumber.Parse(_phone), TestData.Now);
}
