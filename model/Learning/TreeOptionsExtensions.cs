using Analytics.Model.Analysis;
using Microsoft.ML.Trainers.FastTree;

namespace Analytics.Model.Learning;

/// <summary>
/// The FastTree options both models share. One thread is what makes a seeded model identical from run to run
/// (parallel tree building orders its sums differently), so the rule lives here once.
/// </summary>
internal static class TreeOptionsExtensions
{
    public static T FromSettings<T>(this T options, ModelSettings s) where T : TreeOptions
    {
        options.LabelColumnName = "Label";
        options.FeatureColumnName = "Features";
        options.NumberOfTrees = s.Trees;
        options.NumberOfLeaves = s.Leaves;
        options.MinimumExampleCountPerLeaf = s.MinRowsPerLeaf;
        options.NumberOfThreads = 1;
        return options;
    }
}
