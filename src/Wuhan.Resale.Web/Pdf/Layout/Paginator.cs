namespace Wuhan.Resale.Web.Pdf.Layout;

/// <summary>
/// The unit of pagination: a line of a paragraph, a table row, a signature row. Never split across pages.
/// </summary>
internal sealed class LayoutRow(double height, IReadOnlyList<DrawOp> ops)
{
    public double Height { get; } = height;

    public IReadOnlyList<DrawOp> Ops { get; } = ops;

    /// <summary>Space above the row, dropped when the row starts a page.</summary>
    public double SpaceBefore { get; init; }

    /// <summary>The row must share a page with the row after it (headings, orphans and widows, table headers).</summary>
    public bool KeepWithNext { get; set; }

    /// <summary>For a table row: the header row to repeat when this row starts a page.</summary>
    public LayoutRow? RepeatHeader { get; init; }

    /// <summary>Marks rows that are headings, for tests of the keep-with-next rule.</summary>
    public bool IsHeading { get; init; }

    /// <summary>A page break: nothing is drawn; what follows starts a new page (unless the page is still empty).</summary>
    public bool StartsPage { get; init; }
}

internal sealed record PlacedRow(LayoutRow Row, double Top);

/// <summary>Distributes rows over pages of a fixed content height.</summary>
internal static class Paginator
{
    public static IReadOnlyList<IReadOnlyList<PlacedRow>> Paginate(IReadOnlyList<LayoutRow> rows, double pageHeight)
    {
        var pages = new List<List<PlacedRow>> { new() };
        double y = 0;

        void NewPage()
        {
            pages.Add([]);
            y = 0;
        }

        void Place(LayoutRow row)
        {
            if (y == 0 && row.RepeatHeader is { } header && pages.Count > 1)
            {
                pages[^1].Add(new PlacedRow(header, 0));
                y = header.Height;
            }
            else if (y > 0)
            {
                y += row.SpaceBefore;
            }

            pages[^1].Add(new PlacedRow(row, y));
            y += row.Height;
        }

        var index = 0;
        while (index < rows.Count)
        {
            if (rows[index].StartsPage)
            {
                if (y > 0)
                {
                    NewPage();
                }

                index++;
                continue;
            }

            var last = index;
            while (rows[last].KeepWithNext && last + 1 < rows.Count)
            {
                last++;
            }

            if (Fits(rows, index, last, y, pageHeight))
            {
                for (var i = index; i <= last; i++)
                {
                    Place(rows[i]);
                }

                index = last + 1;
                continue;
            }

            if (y > 0 && Fits(rows, index, last, 0, pageHeight))
            {
                NewPage();
                continue;
            }

            // A group taller than a page (or an oversized row): give up keeping it together.
            if (y > 0 && !Fits(rows, index, index, y, pageHeight))
            {
                NewPage();
            }

            Place(rows[index]);
            index++;
        }

        return pages;
    }

    private static bool Fits(IReadOnlyList<LayoutRow> rows, int first, int last, double y, double pageHeight)
    {
        var height = y;
        for (var i = first; i <= last; i++)
        {
            var row = rows[i];
            if (height == 0 && row.RepeatHeader is { } header)
            {
                height += header.Height;
            }
            else if (height > 0)
            {
                height += row.SpaceBefore;
            }

            height += row.Height;
        }

        return height <= pageHeight + 0.01;
    }
}
