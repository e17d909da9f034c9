namespace FedSec.Data.Text;

/// <summary>What a State of the Union address's natural group is.</summary>
public enum SotuGrouping
{
    /// <summary>Its president (in order of first address).</summary>
    President,

    /// <summary>Its decade (<c>1790s</c>, …); a natural split gives each client consecutive decades, an era.</summary>
    Era,
}
