namespace FedSec.Torch.Reconstruction;

/// <summary>How L-BFGS chooses its step lengths (<c>dlg_line_search</c>).</summary>
public enum LineSearchKind
{
    /// <summary>A strong Wolfe line search (PyTorch's <c>line_search_fn="strong_wolfe"</c>).</summary>
    StrongWolfe,

    /// <summary>No search: a fixed step of 1, as in the DLG authors' code.</summary>
    None,
}
