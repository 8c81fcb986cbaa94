"""A three-township county small enough that every scenario figure can be worked out by hand."""

from __future__ import annotations

from planner.domain.county import CountyData, DutyData, OfficeData, PersonData, QuotaData, TownshipData
from planner.domain.workload import WorkParams

ADMIN, INST = "administrative", "institutional"


def small_county() -> CountyData:
    jia = TownshipData(
        name="甲镇", type="镇", category="一类", population=40000, area_km2=120.0, villages=12,
        quotas={ADMIN: QuotaData(ADMIN, 20, 18, 8), INST: QuotaData(INST, 30, 25, 0)},
        offices=[OfficeData("党政综合办公室", ADMIN), OfficeData("应急管理办公室", ADMIN),
                 OfficeData("便民服务中心", INST)],
        duties=[
            DutyData("党政综合办公室", "公文收发与办理", 1200, 10, 0),        # 200 h
            DutyData("应急管理办公室", "应急值守", 0, 0, 300),               # 300 h
            DutyData("应急管理办公室", "防汛抗旱", 100, 60, 50),             # 150 h
            DutyData("便民服务中心", "社保登记", 600, 15, 0),                # 150 h
        ],
        people=[PersonData(f"甲{i}", ADMIN, "党政综合办公室") for i in range(18)]
        + [PersonData(f"甲事{i}", INST, "便民服务中心") for i in range(25)])
    yi = TownshipData(
        name="乙乡", type="乡", category="三类", population=12000, area_km2=80.0, villages=6,
        quotas={ADMIN: QuotaData(ADMIN, 16, 16, 9), INST: QuotaData(INST, 25, 20, 0)},
        offices=[OfficeData("党政综合办公室", ADMIN), OfficeData("便民服务中心", INST)],
        duties=[
            DutyData("党政综合办公室", "公文收发与办理", 600, 20, 0),         # 200 h
            DutyData("便民服务中心", "社保登记", 300, 15, 10),               # 85 h
            DutyData("便民服务中心", "户籍证明开具", 400, 6, 0),             # 40 h
        ])
    bing = TownshipData(
        name="丙镇", type="镇", category="二类", population=25000, area_km2=100.0, villages=9, locked=True,
        quotas={ADMIN: QuotaData(ADMIN, 22, 20, 10), INST: QuotaData(INST, 27, 27, 0)},
        offices=[OfficeData("党政综合办公室", ADMIN), OfficeData("便民服务中心", INST)],
        duties=[DutyData("党政综合办公室", "公文收发与办理", 900, 10, 0),
                DutyData("便民服务中心", "社保登记", 500, 12, 0)])
    return CountyData(name="测试县", params=WorkParams(), townships=[jia, yi, bing])
