namespace CallCenter.Calls.ScreenPops;

/// <summary>
/// The screen-pop read model's tables, owned by <see cref="ScreenPopProjection"/> (decision 0003: not under EF migrations).
/// screen_pop_calls: every call with what the pop shows of it (R-POP-4), looked up by number and arrival time.
/// screen_pop_work_orders: every work order's pop columns (R-POP-5), looked up by customer and dispatch time.
/// screen_pops: one pop per offered call, computed at its first offer; offered_to = who may read it.
/// </summary>
public static class ScreenPopTables
{
    public const string Calls = "screen_pop_calls";
    public const string WorkOrders = "screen_pop_work_orders";
    public const string Pops = "screen_pops";
    public static readonly string[] All = [Calls, WorkOrders, Pops];

    public const string Ddl = """
        create table if not exists screen_pop_calls (
            call_id text primary key,
            kind text,
            number text,
            ani text,
            dnis text,
            ivr_trail text[] not null default array[]::text[],
            arrived_at timestamptz,
            consult_for text,
            purpose text,
            subtype text,
            agent_id text,
            agent_name text,
            position bigint not null);
        alter table screen_pop_calls add column if not exists answered_at timestamptz;
        alter table screen_pop_calls add column if not exists tags jsonb not null default '[]';
        alter table screen_pop_calls add column if not exists joined text[] not null default array[]::text[];
        create index if not exists ix_screen_pop_calls_history on screen_pop_calls (number, arrived_at desc, call_id desc) where kind = 'inbound';
        create table if not exists screen_pop_work_orders (
            work_order_id text primary key,
            customer_id text not null,
            serial text not null,
            type text not null,
            dispatched_at timestamptz not null,
            customer_name text not null,
            area text not null,
            service_type text not null,
            status text not null,
            current_step text not null,
            position bigint not null);
        create index if not exists ix_screen_pop_work_orders_customer on screen_pop_work_orders (customer_id, dispatched_at desc, serial desc);
        create table if not exists screen_pops (
            call_id text primary key,
            about_call_id text not null,
            agent_id text,
            offered_to text[] not null,
            offered_at timestamptz not null,
            pop jsonb not null,
            position bigint not null);
        alter table screen_pops add column if not exists last_offered_at timestamptz;
        create index if not exists ix_screen_pops_about on screen_pops (about_call_id);
        """;
}
