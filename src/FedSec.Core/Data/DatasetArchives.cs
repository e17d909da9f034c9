namespace FedSec.Data;

/// <summary>The published archives of the data sets FedSec downloads from their official source (FEMNIST, CIFAR-100).</summary>
public static class DatasetArchives
{
    /// <summary>
    /// TFF's <c>fed_emnist.tar.bz2</c> (the only_digits=False version: 3 400 writers, 62 classes), as TFF's
    /// <c>emnist.load_data</c> downloaded it with a pinned SHA-256 before TFF moved to SQLite files; FedML's
    /// <c>download_federatedEMNIST.sh</c> fetches an archive of the same name from its own bucket, tried second and
    /// held to the same hash.
    /// </summary>
    public static DatasetArchive Femnist { get; } = new(
        "fed_emnist.tar.bz2",
        [new("https://storage.googleapis.com/tff-datasets-public/fed_emnist.tar.bz2"), new("https://fedml.s3-us-west-1.amazonaws.com/fed_emnist.tar.bz2")],
        "fe1ed5a502cea3a952eb105920bff8cffb32836b5173cb18a57a32c3606f3ea0",
        null,
        [FemnistReader.TrainFileName, FemnistReader.TestFileName],
        "the SHA-256 TensorFlow Federated's emnist.load_data pinned for this archive");

    /// <summary>
    /// The binary version of CIFAR-100 from the University of Toronto, with the size and SHA-256 that TensorFlow
    /// Datasets records for it (Toronto publishes the MD5 03b5dce01913d631647c71ecec9e9cb8).
    /// </summary>
    public static DatasetArchive Cifar100 { get; } = new(
        "cifar-100-binary.tar.gz",
        [new("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz")],
        "58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec",
        168_513_733,
        [Cifar100Reader.TrainFileName, Cifar100Reader.TestFileName],
        "the SHA-256 TensorFlow Datasets records for this archive");

    /// <summary>
    /// TensorFlow Federated's StackOverflow archives (the h5 files; the word counts; the tag counts) with the SHA-256s
    /// TFF's <c>stackoverflow.load_data</c>, <c>load_word_counts</c> and <c>load_tag_counts</c> pinned. FedSec does not
    /// download them (the first is several gigabytes); its message names them.
    /// </summary>
    public static IReadOnlyList<DatasetArchive> StackOverflow { get; } =
    [
        new("stackoverflow.tar.bz2", [new("https://storage.googleapis.com/tff-datasets-public/stackoverflow.tar.bz2")],
            "99eca2f8b8327a09e5fc123979df2d237acbc5e52322f6d86bf523ee47b961a2", null, ["stackoverflow_train.h5", "stackoverflow_test.h5"],
            "the SHA-256s TensorFlow Federated's stackoverflow loaders pinned"),
        new("stackoverflow.word_count.tar.bz2", [new("https://storage.googleapis.com/tff-datasets-public/stackoverflow.word_count.tar.bz2")],
            "1dc00256d6e527c54b9756d968118378ae14e6692c0b3b6cad470cdd3f0c519c", null, ["stackoverflow.word_count"],
            "the SHA-256s TensorFlow Federated's stackoverflow loaders pinned"),
        new("stackoverflow.tag_count.tar.bz2", [new("https://storage.googleapis.com/tff-datasets-public/stackoverflow.tag_count.tar.bz2")],
            "6fe281cec490d9384a290d560072438e7e2b377bbb823876ce7bd6f82696772d", null, ["stackoverflow.tag_count"],
            "the SHA-256s TensorFlow Federated's stackoverflow loaders pinned"),
    ];

    /// <summary>The archive of the named (canonical) data set, or null when it is not fetched from an archive.</summary>
    public static DatasetArchive? For(string canonicalName) => canonicalName switch
    {
        DatasetCatalog.Femnist => Femnist,
        DatasetCatalog.Cifar100 => Cifar100,
        _ => null,
    };
}
