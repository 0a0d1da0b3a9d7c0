using Analytics.SampleData.Common;

namespace Analytics.SampleData.Sample;

/// <summary>Invented shop names in the style of Chinese mall tenants (no real brand is used on purpose).</summary>
internal sealed class Names(Random rng)
{
    private static readonly string[] Stems =
    [
        "鹿角", "木子", "云朵", "星河", "青禾", "禾风", "小满", "半山", "栖迟", "拾光", "米洛", "悦己", "初见", "晨曦", "暖阳",
        "稻香", "阿福", "老街", "蜀香", "江南", "北岸", "南山", "东篱", "西岭", "鲸鱼", "海盐", "柚见", "柠檬", "桃花", "梧桐",
        "锦绣", "华彩", "明珠", "恒瑞", "瑞丰", "盛世", "福满", "金玉", "银杏", "紫藤", "蓝海", "橙子", "麦田", "茶语", "书香",
        "童趣", "小象", "熊猫", "飞鸟", "悠然", "素色", "简约", "素衣", "优品", "智趣", "乐动", "奔跑", "山野", "森林", "家和",
        "安居", "喜悦", "周记", "陈记", "李家", "老王", "一只", "茉莉", "芝芝", "满记", "德顺", "金福", "周生", "谢氏", "宝庆",
    ];

    private static readonly string[] EnglishA = ["Urban", "Mono", "Bloom", "North", "Lumi", "Velo", "Kiko", "Nova", "Terra", "Maple", "Cedar", "Aurora", "Pixel", "Sunny"];
    private static readonly string[] EnglishB = ["Lab", "Studio", "House", "& Co.", "Life", "Store", "Club", "Kitchen", "Works"];

    private static readonly Dictionary<string, string[]> Suffixes = new()
    {
        ["f&b"] = ["茶饮", "火锅", "面馆", "咖啡", "烘焙", "小馆", "烤肉", "甜品", "粥铺", "寿司", "奶茶", "串串"],
        ["jewelry"] = ["珠宝", "金行", "银饰", "黄金"],
        ["beauty"] = ["美妆", "护肤", "香氛", "美甲", "彩妆"],
        ["fashion"] = ["服饰", "女装", "男装", "鞋履", "衣舍", "潮牌"],
        ["kids"] = ["童装", "玩具", "乐园", "早教", "母婴"],
        ["sports"] = ["运动", "户外", "体育", "跑步"],
        ["home"] = ["家居", "生活馆", "家纺", "厨具"],
        ["entertainment"] = ["影城", "电玩城", "KTV", "剧本杀", "保龄球馆"],
        ["services"] = ["眼镜", "洗衣", "药房", "快剪", "手机维修", "照相馆"],
        ["supermarket"] = ["超市", "生鲜超市"],
        ["electronics"] = ["数码", "手机", "电器"],
    };

    private readonly HashSet<string> used = [];

    public (string Name, string Brand) Next(string category)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stem = rng.Pick(Stems);
            var name = stem + rng.Pick(Suffixes[category]);
            if (attempt > 20)
            {
                name += attempt.ToString(System.Globalization.CultureInfo.InvariantCulture); // rare: the list ran dry
            }
            if (!used.Add(name))
            {
                continue;
            }
            var roll = rng.NextDouble();
            var brand = roll < 0.2 ? rng.Pick(EnglishA) + " " + rng.Pick(EnglishB) : roll < 0.9 ? stem : string.Empty;
            return (name, brand);
        }
    }
}
