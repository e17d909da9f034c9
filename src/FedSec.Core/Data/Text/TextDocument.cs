namespace FedSec.Data.Text;

/// <summary>One document of a text corpus: a Brown corpus file, a State of the Union address.</summary>
/// <param name="Name">The document's name in its corpus (the file name without directory, e.g. <c>ca01</c>).</param>
/// <param name="Group">The natural group it belongs to (Brown's genre, the address's president or era), the unit of a natural partition.</param>
/// <param name="Text">The plain text (Brown's part-of-speech tags stripped).</param>
public sealed record TextDocument(string Name, string Group, string Text);
