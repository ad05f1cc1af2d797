#!/usr/bin/env python3
"""Per-customer RFM of the UCI Online Retail workbook after the standard cleaning, computed with pandas alone.

An oracle independent of the project's code, for machines without ../shared/data (test.sh runs it):
    python3 tests/reference/rfm_reference.py data/raw/Online_Retail.xlsx OUT.csv

Standard cleaning: drop rows without CustomerID, cancelled invoices (InvoiceNo starting with C), Quantity <= 0 and
UnitPrice <= 0; duplicates kept. Snapshot: midnight after the last kept invoice. The columns are those of
../shared/data/online_retail_rfm_reference.csv.
"""
import sys

import pandas as pd


def main(workbook: str, out: str) -> None:
    df = pd.read_excel(workbook, dtype={"InvoiceNo": str, "StockCode": str}, engine="openpyxl")
    df = df[df["CustomerID"].notna()]
    df = df[~df["InvoiceNo"].astype(str).str.startswith("C")]
    df = df[(df["Quantity"] > 0) & (df["UnitPrice"] > 0)]
    df["CustomerID"] = df["CustomerID"].astype("int64").astype(str)
    df["InvoiceDate"] = pd.to_datetime(df["InvoiceDate"]).dt.floor("min")
    df["Amount"] = df["Quantity"] * df["UnitPrice"]
    snapshot = df["InvoiceDate"].max().normalize() + pd.Timedelta(days=1)
    g = df.groupby("CustomerID")
    rfm = pd.DataFrame({
        "RecencyDays": ((snapshot - g["InvoiceDate"].max()).dt.total_seconds() // 86400).astype(int),
        "RecencyCalendarDays": (snapshot - g["InvoiceDate"].max().dt.normalize()).dt.days,
        "Frequency": g["InvoiceNo"].nunique(),
        "Monetary": g["Amount"].sum().round(2),
        "Lines": g.size(),
        "FirstPurchase": g["InvoiceDate"].min().dt.strftime("%Y-%m-%d %H:%M:%S"),
        "LastPurchase": g["InvoiceDate"].max().dt.strftime("%Y-%m-%d %H:%M:%S"),
    })
    rfm.sort_index().to_csv(out, index_label="CustomerID")
    print(f"{out}: {len(rfm)} customers, snapshot {snapshot:%Y-%m-%d}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
