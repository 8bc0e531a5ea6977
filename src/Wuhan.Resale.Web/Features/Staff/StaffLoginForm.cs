using FluentValidation;

namespace Wuhan.Resale.Web.Features.Staff;

public sealed class StaffLoginForm
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class StaffLoginFormValidator : AbstractValidator<StaffLoginForm>
{
    public StaffLoginFormValidator()
    {
        RuleFor(f => f.UserName).NotEmpty().WithMessage("请输入用户名。").MaximumLength(100).WithMessage("用户名过长。");
        RuleFor(f => f.Password).NotEmpty().WithMessage("请输入密码。").MaximumLength(200).WithMessage("密码过长。");
    }
}
