using Wuhan.Resale.Domain.Properties;

namespace Wuhan.Resale.Domain.Contracts;

public static partial class ContractCompleteness
{
    /// <summary>
    /// 卖方填报: a 第一条 fact the registry lacks is stated by the seller (结构, 分摊土地面积, 填发日期 and the floors must
    /// be; 房型 may be. A missing 土地使用权证号 is normal since the unified 不动产权证 and is not asked for), and one the registry records may not be restated.
    /// </summary>
    private static class SuppliedFacts
    {
        public static void Check(Problems problems, SuppliedHomeFacts supplied, PropertyRecord? home)
        {
            Text(problems, supplied.Structure, home?.Structure, home is not null, ContractField.SuppliedStructure, "房屋结构");
            Text(problems, supplied.RoomType, home?.RoomType, false, ContractField.SuppliedRoomType, "房型");
            LandArea(problems, supplied.LandArea, home);
            IssuedOn(problems, supplied.CertificateIssuedOn, home);
            var floor = Floors(problems, supplied.Floor, home?.Floor, home, ContractField.SuppliedFloor, "所在层次", allowBasement: true);
            var total = Floors(problems, supplied.TotalFloors, home?.TotalFloors, home, ContractField.SuppliedTotalFloors, "地上总层数", allowBasement: false);
            if (floor is > 0 && total is { } t && floor > t)
            {
                problems.Add(home?.Floor is null ? ContractField.SuppliedFloor : ContractField.SuppliedTotalFloors,
                    $"第一条：所在层次（第{floor}层）高于地上总层数（{t}层），请按房产证核对。");
            }
        }

        private static bool Restated<T>(Problems problems, bool supplied, T? registry, ContractField field, string what)
        {
            if (supplied && registry is not null)
            {
                problems.Add(field, $"第一条：不动产登记记录已有{what}，以登记为准，不能由卖方另行填报。");
                return true;
            }

            return false;
        }

        private static void Text(Problems problems, string? value, string? registry, bool required, ContractField field, string what)
        {
            var hasValue = !string.IsNullOrWhiteSpace(value);
            if (Restated(problems, hasValue, registry, field, what))
            {
                return;
            }

            if (!hasValue && required && registry is null)
            {
                problems.Add(field, $"第一条：不动产登记记录中没有{what}，请按房产证填写（卖方填报）。");
            }

            problems.Length(value, field, $"第一条：{what}", SuppliedHomeFacts.MaxTextLength);
        }

        private static void LandArea(Problems problems, decimal? value, PropertyRecord? home)
        {
            const string what = "分摊土地面积";
            if (Restated(problems, value is not null, home?.LandArea, ContractField.SuppliedLandArea, what))
            {
                return;
            }

            if (value is not { } area)
            {
                if (home is { LandArea: null })
                {
                    problems.Add(ContractField.SuppliedLandArea, $"第一条：不动产登记记录中没有{what}，请按房产证填写（卖方填报，单位平方米）。");
                }
            }
            else if (area <= 0 || area > 100_000m || decimal.Round(area, 2) != area)
            {
                problems.Add(ContractField.SuppliedLandArea, $"第一条：{what}应大于0，最多保留两位小数（单位平方米）。");
            }
        }

        private static void IssuedOn(Problems problems, DateOnly? value, PropertyRecord? home)
        {
            const string what = "证书填发日期";
            if (Restated(problems, value is not null, home?.CertificateIssuedOn, ContractField.SuppliedCertificateIssuedOn, what))
            {
                return;
            }

            if (value is not { } date)
            {
                if (home is { CertificateIssuedOn: null })
                {
                    problems.Add(ContractField.SuppliedCertificateIssuedOn, $"第一条：不动产登记记录中没有{what}，请按房产证填写（卖方填报）。");
                }
            }
            else if (date < EarliestCertificate)
            {
                problems.Add(ContractField.SuppliedCertificateIssuedOn, $"第一条：{what}不早于1949年10月1日，请按房产证核对。");
            }
        }

        private static int? Floors(Problems problems, int? value, int? registry, PropertyRecord? home, ContractField field, string what, bool allowBasement)
        {
            if (Restated(problems, value is not null, registry, field, what))
            {
                return registry;
            }

            if (value is not { } floor)
            {
                if (home is not null && registry is null)
                {
                    problems.Add(field, $"第一条：不动产登记记录中没有{what}，请按房产证填写（卖方填报）。");
                }

                return registry;
            }

            var lowest = allowBasement ? -5 : 1;
            if (floor < lowest || floor > MaxFloors || floor == 0)
            {
                problems.Add(field, allowBasement
                    ? $"第一条：{what}应为1至{MaxFloors}之间的整数，地下层填负数（如 -1）。"
                    : $"第一条：{what}应为1至{MaxFloors}之间的整数。");
                return registry;
            }

            return floor;
        }
    }
}
