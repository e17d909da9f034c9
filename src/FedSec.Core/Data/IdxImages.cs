namespace FedSec.Data;

/// <summary>The raw content of an IDX image file: <paramref name="Count"/> images of unsigned bytes, row-major.</summary>
/// <param name="Count">Number of images.</param>
/// <param name="Height">Rows per image.</param>
/// <param name="Width">Columns per image.</param>
/// <param name="Pixels">Count × Height × Width bytes, image after image.</param>
public sealed record IdxImages(int Count, int Height, int Width, byte[] Pixels);
