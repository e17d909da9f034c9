namespace FedSec.Torch.Reconstruction;

/// <summary>Which gradient-inversion attack runs.</summary>
public enum ReconstructionMethod
{
    /// <summary>DLG (Zhu et al. 2019): the label is optimised with the input, as soft label logits.</summary>
    Dlg,

    /// <summary>iDLG (Zhao et al. 2020): the label is read from the last layer's gradient, only the input is optimised.</summary>
    Idlg,
}
