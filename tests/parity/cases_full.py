# The optional conversions of the PyO3 parity probe (--full): tests/parity/src/optional.rs.
import datetime, decimal, fractions, uuid, zoneinfo
for i in range(33):
    try:
        print('to_py', i, '->', m.to_py(i))
    except BaseException as e:
        print('to_py', i, '-> raised', type(e).__name__ + ':', e)
utc = datetime.timezone.utc
class FakeKey:
    def __init__(self, key):
        self.key = key
d = datetime.datetime(2024, 2, 29, 12, 30, 5, 123456)
vals = [
 ('NaiveDate', 'datetime.date(2024, 2, 29)'), ('NaiveDate', 'd'), ('NaiveDate', '"2024-02-29"'),
 ('NaiveDateTime', 'd'), ('NaiveDateTime', 'd.replace(tzinfo=utc)'), ('NaiveDateTime', 'datetime.date(2024, 1, 1)'),
 ('NaiveTime', 'datetime.time(1, 2, 3, 4)'), ('NaiveTime', 'datetime.time(1, 2, tzinfo=utc)'), ('NaiveTime', '1'),
 ('DateTimeUtc', 'd.replace(tzinfo=utc)'), ('DateTimeUtc', 'd'), ('DateTimeUtc', 'd.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=2)))'),
 ('DateTimeFixed', 'd.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=-3)))'), ('DateTimeFixed', 'd'), ('DateTimeFixed', 'd.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))'),
 ('TimeDelta', 'datetime.timedelta(days=-1, seconds=5, microseconds=7)'), ('TimeDelta', 'datetime.timedelta.max'), ('TimeDelta', '1.5'),
 ('FixedOffset', 'datetime.timezone(datetime.timedelta(minutes=90))'), ('FixedOffset', 'utc'), ('FixedOffset', 'zoneinfo.ZoneInfo("Europe/Paris")'), ('FixedOffset', '1'),
 ('Tz', 'zoneinfo.ZoneInfo("Europe/Paris")'), ('Tz', 'utc'), ('Tz', '"Europe/Paris"'), ('Tz', 'FakeKey("Nope/Nope")'), ('Tz', 'FakeKey(None)'), ('Tz', 'FakeKey("UTC")'),
 ('BigInt', '-2**100'), ('BigInt', '1.5'), ('BigInt', '"1"'), ('BigUint', '-1'), ('BigUint', '2**70'),
 ('Complex', '1+2j'), ('Complex', '3'), ('Complex', '"x"'), ('Ratio', 'fractions.Fraction(3, -6)'), ('Ratio', '1.5'), ('Ratio', '2'), ('Ratio', '"1/2"'),
 ('Decimal', 'decimal.Decimal("1.25")'), ('Decimal', '1.5'), ('Decimal', '"2.5"'), ('Decimal', 'decimal.Decimal("NaN")'), ('Decimal', 'decimal.Decimal("1e100")'), ('Decimal', '3'),
 ('BigDecimal', 'decimal.Decimal("-1.25e-3")'), ('BigDecimal', 'decimal.Decimal("inf")'), ('BigDecimal', '2'),
 ('Uuid', 'uuid.UUID(int=5)'), ('Uuid', '"12345678-1234-5678-1234-567812345678"'), ('Uuid', '5'),
 ('Either', '1'), ('Either', '"s"'), ('Either', '1.5'),
 ('IndexMap', '{"b": 1, "a": 2}'), ('IndexMap', '[1]'), ('SmallVec', '[1, 2, 3]'), ('SmallVec', '"ab"'), ('Bytes', 'b"ab"'), ('Bytes', '"ab"'), ('Bytes', 'bytearray(b"x")'),
 ('TimeOffsetDateTime', 'd.replace(tzinfo=utc)'), ('TimeOffsetDateTime', 'd'), ('TimeDuration', 'datetime.timedelta(seconds=-1.5)'), ('TimeDate', 'datetime.date(2024, 2, 29)'), ('TimeDate', 'd'),
 ('JiffDate', 'datetime.date(2024, 2, 29)'), ('JiffTimestamp', 'd.replace(tzinfo=utc)'), ('JiffTimestamp', 'd'), ('JiffSignedDuration', 'datetime.timedelta(days=2)'),
 ('OrderedFloat', '1'), ('OrderedFloat', '"x"'), ('NotNan', 'float("nan")'), ('NotNan', '2.5'),
]
for k, v in vals:
    try:
        print('from_py', k, v, '->', m.from_py(k, eval(v)))
    except BaseException as e:
        print('from_py', k, v, '-> raised', type(e).__name__ + ':', e)

import asyncio
def run(coro):
    return asyncio.run(coro)
def twice(c):
    run(c)
    return run(c)
async def both():
    w = m.Waiter(1)
    return await asyncio.gather(w.get(), w.bump())
asyncs = [
 'run(m.add_later(1, 2))', 'type(m.add_later(1, 2)).__name__', 'repr(m.add_later(1, 2))[:30]', 'm.add_later(1, 2).__qualname__', 'm.add_later(1, 2).__name__',
 'run(m.fails_later())', 'run(m.panics_later())', 'run(m.Waiter(4).get())', 'run(m.Waiter(4).bump())', 'm.Waiter(4).get().__qualname__',
 'twice(m.add_later(1, 2))', 'm.add_later(1)', 'm.add_later("a", 2)', 'run(m.add_later("a", 2))', 'run(m.Waiter(1).add(2))', 'm.Waiter(1).add("x")', 'run(m.Waiter(1).add("x"))', 'run(m.Waiter(1).get())', 'm.Waiter.get(1)', 'run(m.Waiter.get(1))', 'run(both())', 'm.add_later(1, 2).send(None)', 'm.add_later(1, 2).throw(ValueError("t"))', 'm.add_later(1, 2).close()',
]
for c in asyncs:
    try:
        print('async', c, '->', repr(eval(c)))
    except BaseException as e:
        print('async', c, '-> raised', type(e).__name__ + ':', e)
