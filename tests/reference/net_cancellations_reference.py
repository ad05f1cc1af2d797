#!/usr/bin/env python3
"""The UCI figures under --net-cancellations --exclude-products uci, computed with pandas alone.

An independent check of the figures RealDataTests asserts (run by hand; the tests do not need pandas):
    /usr/bin/python3 tests/reference/net_cancellations_reference.py ../shared/data/online_retail.csv.gz

Each cancellation (InvoiceNo starting with C, quantity < 0, a customer and a stock code) is matched to the
nearest earlier purchase line of the same customer and product holding at least the cancelled quantity (ties:
the later invoice number, then the smaller quantity). A purchase is known by its content, so identical copies
of a line are reduced alike. A purchase cancelled in full is removed; a partly cancelled one keeps the rest.
"""
import sys

import pandas as pd

NON_PRODUCTS = {"POST", "DOT", "C2", "M", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK"}
KEY = ["CustomerID", "StockCode", "InvoiceNo", "InvoiceDate", "Quantity", "UnitPrice"]


def main(path: str) -> None:
    df = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
    df["InvoiceDate"] = pd.to_datetime(df["InvoiceDate"])
    df["CustomerID"] = df["CustomerID"].str.replace(r"\.0$", "", regex=True)
    cancellation = df["InvoiceNo"].str[0].isin(["C", "c"])

    cancels = df[cancellation & (df["Quantity"] < 0) & df["CustomerID"].notna() & df["StockCode"].notna()].copy()
    cancels["cancellation"] = range(len(cancels))
    cancels["cancelled"] = -cancels["Quantity"]
    purchases = df[~cancellation & df["InvoiceNo"].notna()]
    m = cancels[["cancellation", "CustomerID", "StockCode", "InvoiceDate", "cancelled"]].merge(
        purchases, on=["CustomerID", "StockCode"], suffixes=("_c", ""))
    m = m[(m["InvoiceDate"] <= m["InvoiceDate_c"]) & (m["Quantity"] >= m["cancelled"])]
    m = m.sort_values(["cancellation", "InvoiceDate", "InvoiceNo", "Quantity"], ascending=[True, False, False, True])
    nearest = m.groupby("cancellation").head(1)
    netted = nearest.groupby(KEY)["cancelled"].sum().reset_index()
    df = df.merge(netted, on=KEY, how="left")

    excluded = df["CustomerID"].notna() & df["StockCode"].str.upper().isin(NON_PRODUCTS)
    standard = df["CustomerID"].notna() & ~excluded & ~cancellation & (df["Quantity"] > 0) & (df["UnitPrice"] > 0)
    full = standard & (df["cancelled"] >= df["Quantity"])
    kept = df[standard & ~full].copy()
    kept["Amount"] = (kept["Quantity"] - kept["cancelled"].fillna(0)) * kept["UnitPrice"]
    print(f"excluded products {excluded.sum()}")
    print(f"purchases cancelled in full {full.sum()}")
    print(f"purchases reduced {(kept['cancelled'].notna()).sum()}")
    print(f"rows out {len(kept)}")
    print(f"customers {kept['CustomerID'].nunique()}")
    print(f"revenue {kept['Amount'].sum():.2f}")
    print("customer 12346 kept" if (kept["CustomerID"] == "12346").any() else "customer 12346 gone")


if __name__ == "__main__":
    main(sys.argv[1])
