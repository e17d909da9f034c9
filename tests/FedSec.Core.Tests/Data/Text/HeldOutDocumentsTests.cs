using FedSec.Data.Text;

namespace FedSec.Core.Tests.Data.Text;

public sealed class HeldOutDocumentsTests
{
    private static TextDocument[] Corpus(params string[] groups) => groups.Select((g, i) => new TextDocument($"d{i}", g, "x")).ToArray();

    [Fact]
    public void TestIndices_TakesRoundedShareOfEachGroup_AtLeastOne_NeverAll()
    {
        // a: 10 documents → 2 held out at 0.2; b: 2 → 1 (at least one); c: 1 → none (never all).
        var docs = Corpus([.. Enumerable.Repeat("a", 10), "b", "b", "c"]);

        var test = HeldOutDocuments.TestIndices(docs, 0.2, new Random(1));

        Assert.Equal(2, test.Count(i => docs[i].Group == "a"));
        Assert.Equal(1, test.Count(i => docs[i].Group == "b"));
        Assert.DoesNotContain(test, i => docs[i].Group == "c");
        Assert.Equal(test.Order(), test);
    }

    [Fact]
    public void TestIndices_SameSeed_SameSplit()
    {
        var docs = Corpus([.. Enumerable.Repeat("a", 20)]);

        Assert.Equal(HeldOutDocuments.TestIndices(docs, 0.3, new Random(4)), HeldOutDocuments.TestIndices(docs, 0.3, new Random(4)));
    }
}
