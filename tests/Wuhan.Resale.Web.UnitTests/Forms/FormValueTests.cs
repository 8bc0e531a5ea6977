using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Features.Shared;

namespace Wuhan.Resale.Web.UnitTests.Forms;

/// <summary>How the contract forms read what a person typed: tolerant of the ways people type on a phone, never guessing.</summary>
public sealed class FormValueTests
{
    [Theory]
    [InlineData("1280000", 1_280_000)]
    [InlineData("1,280,000.00", 1_280_000)]
    [InlineData(" 1 280 000 ", 1_280_000)]
    [InlineData("１２８００００", 1_280_000)]        // full-width digits from a Chinese keyboard
    [InlineData("１，２８０，０００．５０", 1_280_000.5)] // full-width separators and point
    [InlineData("-5", -5)]
    [InlineData("0.0005", 0.0005)]
    public void ParseDecimal_ReadsAmountsAsPeopleTypeThem(string typed, double expected) =>
        Assert.Equal((decimal)expected, FormValue.ParseDecimal(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("一百万")]
    [InlineData("12a")]
    [InlineData("1e6")]
    [InlineData("1.2.3")]
    [InlineData("¥100")]
    public void ParseDecimal_GivesNothing_ForWhatIsNotANumber(string? typed) =>
        Assert.Null(FormValue.ParseDecimal(typed));

    [Theory]
    [InlineData("30", 30)]
    [InlineData("３０", 30)]
    [InlineData("1,000", 1000)]
    [InlineData("-2", -2)]
    public void ParseInt_ReadsWholeNumbers(string typed, int expected) =>
        Assert.Equal(expected, FormValue.ParseInt(typed));

    [Theory]
    [InlineData("30.5")]
    [InlineData("三十")]
    [InlineData("99999999999")]
    [InlineData("")]
    public void ParseInt_GivesNothing_ForFractionsWordsAndOverflow(string typed) =>
        Assert.Null(FormValue.ParseInt(typed));

    [Theory]
    [InlineData("2027-01-31")]
    [InlineData("2027-1-31")]
    [InlineData("2027/1/31")]
    [InlineData("2027.1.31")]
    [InlineData("2027年1月31日")]
    [InlineData("20270131")]
    [InlineData(" ２０２７-０１-３１ ")]
    public void ParseDate_ReadsTheUsualChineseWaysOfWritingADate(string typed) =>
        Assert.Equal(new DateOnly(2027, 1, 31), FormValue.ParseDate(typed));

    [Theory]
    [InlineData("2027-02-30")]
    [InlineData("31/01/2027")]
    [InlineData("明年一月")]
    [InlineData("2027-13-01")]
    [InlineData("")]
    public void ParseDate_GivesNothing_ForImpossibleOrAmbiguousDates(string typed) =>
        Assert.Null(FormValue.ParseDate(typed));

    [Theory]
    [InlineData("true", true)]
    [InlineData(" false ", false)]
    [InlineData("yes", null)]
    [InlineData("True", null)]
    [InlineData("", null)]
    public void ParseBool_AcceptsOnlyTheValuesTheRadioButtonsSend(string typed, bool? expected) =>
        Assert.Equal(expected, FormValue.ParseBool(typed));

    [Theory]
    [InlineData("Court", DisputeResolution.Court)]
    [InlineData(" Arbitration ", DisputeResolution.Arbitration)]
    public void ParseEnum_AcceptsTheNamesOfTheChoices(string typed, DisputeResolution expected) =>
        Assert.Equal(expected, FormValue.ParseEnum<DisputeResolution>(typed));

    [Theory]
    [InlineData("1")]
    [InlineData("court")]
    [InlineData("Court,Arbitration")]
    [InlineData("99")]
    public void ParseEnum_RefusesNumbersCaseVariantsAndFlagCombinations(string typed) =>
        Assert.Null(FormValue.ParseEnum<DisputeResolution>(typed));

    [Fact]
    public void WhatTheFormShows_ReadsBackToTheSameValue()
    {
        Assert.Equal("1,280,000.00", FormValue.Money(1_280_000m));
        Assert.Equal(1_280_000m, FormValue.ParseDecimal(FormValue.Money(1_280_000m)));
        Assert.Equal("0.0005", FormValue.Rate(0.0005m));
        Assert.Equal(0.0005m, FormValue.ParseDecimal(FormValue.Rate(0.0005m)));
        Assert.Equal("2027-01-31", FormValue.Date(new DateOnly(2027, 1, 31)));
        Assert.Equal(new DateOnly(2027, 1, 31), FormValue.ParseDate(FormValue.Date(new DateOnly(2027, 1, 31))));
        Assert.Equal("true", FormValue.Bool(true));
        Assert.True(FormValue.ParseBool(FormValue.Bool(true)));
        Assert.Equal("30", FormValue.Int(30));
        Assert.Null(FormValue.Money(null));
        Assert.Null(FormValue.Date(null));
        Assert.Null(FormValue.Bool(null));
    }

    [Theory]
    [InlineData("12.5", 1)]
    [InlineData("12.50", 2)]
    [InlineData("12", 0)]
    [InlineData("0.0001", 4)]
    public void DecimalPlaces_CountsThePlacesAsTyped(string typed, int places) =>
        Assert.Equal(places, FormValue.DecimalPlaces(FormValue.ParseDecimal(typed)!.Value));
}
