namespace CallCenter.Customers.Seeding;

/// <summary>Chinese personal names: a common surname (weighted roughly by frequency) and a one- or two-character given name.</summary>
public static class ChineseNames
{
    // The most common surnames first; the first ten are drawn three times as often as the rest.
    static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
        "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
        "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏",
        "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
        "韦", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶", "黎",
        "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴", "莫", "孔", "汤", "欧阳", "司马", "诸葛",
    ];

    static readonly string[] GivenChars =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀",
        "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "萍", "红", "建", "文", "辉", "力", "斌", "宇", "浩", "凯",
        "鹏", "俊", "帆", "婷", "雪", "琳", "晨", "欣", "怡", "子", "涵", "梓", "轩", "博", "嘉", "思", "雨", "佳",
        "一", "宏", "志", "国", "海", "春", "金", "晓", "云", "亮", "峰", "燕", "梅", "丹", "慧", "鑫", "玲", "飞",
        "龙", "彬", "健", "永", "波", "林", "东", "成", "新", "德", "昊", "然", "泽", "宁", "安", "瑶", "诗", "琪",
    ];

    public static string Surname(SeedRandom r) =>
        r.Chance(0.45) ? Surnames[r.Next(10)] : Surnames[10 + r.Next(Surnames.Length - 10)];

    public static string Given(SeedRandom r) =>
        r.Chance(0.35) ? r.Pick(GivenChars) : r.Pick(GivenChars) + r.Pick(GivenChars);

    public static string Full(SeedRandom r) => Surname(r) + Given(r);
}
