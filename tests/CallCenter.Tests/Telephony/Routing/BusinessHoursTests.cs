using CallCenter.Telephony.Routing.Calendars;

namespace CallCenter.Tests.Telephony.Routing;

/// <summary>A calendar's hours (pure): holidays close, exceptions replace the weekday, windows are [open, close).</summary>
public class BusinessHoursTests
{
    static readonly CalendarSchedule Week = new(
        [new("monday", "08:00", "12:00"), new("monday", "13:00", "18:00"), new("saturday", "00:00", "24:00")],
        [new("2026-12-07", "Holiday")],
        [new("2026-12-14", [new("10:00", "11:00")], "Short day"), new("2026-12-19", [], "Closed Saturday")]);

    [Theory]
    [InlineData("2026-11-30 08:00", true)]   // Monday, first window opens
    [InlineData("2026-11-30 07:59", false)]
    [InlineData("2026-11-30 12:00", false)]  // close is exclusive: lunch
    [InlineData("2026-11-30 13:30", true)]
    [InlineData("2026-12-01 10:00", false)]  // Tuesday: no window
    [InlineData("2026-12-05 23:59", true)]   // Saturday until 24:00
    [InlineData("2026-12-07 09:00", false)]  // a Monday holiday
    [InlineData("2026-12-14 09:00", false)]  // a Monday exception: only 10–11
    [InlineData("2026-12-14 10:30", true)]
    [InlineData("2026-12-19 10:00", false)]  // a Saturday exception without windows: closed
    public void Open_or_closed(string local, bool open) =>
        Assert.Equal(open, BusinessHours.IsOpen(Week, DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Bad_schedules_name_the_field()
    {
        var errors = BusinessHours.Validate(new CalendarSchedule(
            [new("monday", "08:00", "20:00"), new("funday", "08:00", "20:00"), new("friday", "18:00", "09:00")],
            [new("2026-13-01", null)],
            [new("2026-12-24", [new("9", "17:00")], null)]));
        Assert.Equal(["exceptions[0].windows[0].open", "holidays[0].date", "weekly[1].day", "weekly[2].close"], errors.Keys.Order().ToArray());
    }
}
