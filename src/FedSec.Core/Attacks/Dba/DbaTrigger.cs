using FedSec.Attacks.Backdoor;

namespace FedSec.Attacks.Dba;

/// <summary>
/// DBA's global trigger and its local parts (Xie, Huang, Chen and Li, "DBA: distributed backdoor attacks against
/// federated learning", ICLR 2020): <c>parts</c> horizontal bars of <c>length</c> × <c>height</c> pixels laid out in
/// a grid of ⌈√parts⌉ columns, <c>gap</c> pixels apart. With the defaults (4 bars of 1 × 4, gap 2) this is the paper's
/// MNIST pattern: rows 0 and 3, columns 0–3 and 6–9. Every part keeps the global trigger's rectangle and position
/// with only its own bar set, so the parts stamp exactly where the global trigger does and their union is it.
/// </summary>
internal static class DbaTrigger
{
    public static (BackdoorTrigger Global, BackdoorTrigger[] Parts) Build(int parts, int length, int height, int gap, float value, TriggerPosition position)
    {
        int cols = (int)Math.Ceiling(Math.Sqrt(parts));
        int rows = (parts + cols - 1) / cols;
        int width = (cols * length) + ((cols - 1) * gap);
        int tall = (rows * height) + ((rows - 1) * gap);
        var global = new bool[tall, width];
        var masks = new bool[parts][,];
        for (int k = 0; k < parts; k++)
        {
            masks[k] = new bool[tall, width];
            int r0 = k / cols * (height + gap), c0 = k % cols * (length + gap);
            for (int r = 0; r < height; r++)
            {
                for (int c = 0; c < length; c++)
                {
                    masks[k][r0 + r, c0 + c] = true;
                    global[r0 + r, c0 + c] = true;
                }
            }
        }

        return (new BackdoorTrigger(global, value, position), masks.Select(m => new BackdoorTrigger(m, value, position)).ToArray());
    }
}
