using FluentValidation;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Web.Features.RealNameAuth;

/// <summary>What the person types on the phone. Every field survives a refused post.</summary>
public sealed class MobileConfirmationForm
{
    public string? Name { get; set; }

    public IdType IdType { get; set; } = IdType.ResidentIdCard;

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? CaptchaId { get; set; }

    public string? CaptchaAnswer { get; set; }

    public string? Code { get; set; }

    /// <summary>The 配对码 shown on the computer that asked for the sign-in.</summary>
    public string? PairingCode { get; set; }

    /// <summary>send | authorise | refresh-captcha.</summary>
    public string? Intent { get; set; }
}

public static class MobileIntents
{
    public const string SendCode = "send";
    public const string Authorise = "authorise";
    public const string RefreshCaptcha = "refresh-captcha";
}

/// <summary>Format rules, checked before anything is looked up or sent.</summary>
public sealed class MobileConfirmationFormValidator : AbstractValidator<MobileConfirmationForm>
{
    public MobileConfirmationFormValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("请填写姓名。")
            .MaximumLength(PersonName.MaxLength).WithMessage($"姓名不能超过{PersonName.MaxLength}个字符。");
        RuleFor(f => f.IdType).IsInEnum().WithMessage("请选择证件类型。");
        RuleFor(f => f.IdNumber).Custom((value, context) =>
        {
            if (!Domain.ValueObjects.IdNumber.TryParse(context.InstanceToValidate.IdType, value, out _, out var error))
            {
                context.AddFailure(nameof(MobileConfirmationForm.IdNumber), error);
            }
        });
        RuleFor(f => f.Phone).Custom((value, context) =>
        {
            if (!PhoneNumber.TryParse(value, out _, out var error))
            {
                context.AddFailure(nameof(MobileConfirmationForm.Phone), error);
            }
        });
        When(f => f.Intent == MobileIntents.SendCode, () =>
            RuleFor(f => f.CaptchaAnswer).NotEmpty().WithMessage("请输入图片中的字符。").MaximumLength(10).WithMessage("图片验证码不正确。"));
        When(f => f.Intent == MobileIntents.Authorise, () =>
            RuleFor(f => f.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请输入短信验证码。")
                .Matches("^[0-9]{6}$").WithMessage("短信验证码为6位数字。"));
    }
}

/// <param name="SameDevice">Opened in the browser that showed the login page: no 配对码, no computer to describe.</param>
public sealed record MobileConfirmationViewModel(string Token, MobileConfirmationForm Form, bool CodeSent, string? Notice, bool SameDevice = false);
