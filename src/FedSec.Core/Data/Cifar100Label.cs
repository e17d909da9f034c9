namespace FedSec.Data;

/// <summary>Which of CIFAR-100's two labels a record is read with.</summary>
public enum Cifar100Label
{
    /// <summary>The 100 fine classes (FedML's and torchvision's).</summary>
    Fine,

    /// <summary>The 20 coarse superclasses.</summary>
    Coarse,
}
