namespace FedSec.Privacy.Accounting;

/// <summary>A privacy budget no setting can meet; the message says why and what to change.</summary>
public sealed class PrivacyBudgetException : Exception
{
    /// <summary>Creates the exception with its explanation.</summary>
    public PrivacyBudgetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its explanation and cause.</summary>
    public PrivacyBudgetException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception without explanation (for serializers).</summary>
    public PrivacyBudgetException()
    {
    }
}
