namespace FedSec.Results.Grid;

/// <summary>What happened to a run directory, as <see cref="RunHistory"/> records it.</summary>
internal enum RunEvent
{
    /// <summary>A <c>fedsec run</c> child took the directory's lock and started.</summary>
    Started,

    /// <summary>The child wrote its last result (<c>summary.json</c>) and is exiting with success.</summary>
    Completed,

    /// <summary>The child ended with an error.</summary>
    Failed,

    /// <summary>The child's bench ended (its lifeline closed), so the child ended itself mid-run.</summary>
    Orphaned,

    /// <summary>A bench wiped the directory (all but the lock and the history) to run it again.</summary>
    Wiped,

    /// <summary>A bench stored a run that an earlier, interrupted bench's child had completed, without running it again.</summary>
    Adopted,
}
