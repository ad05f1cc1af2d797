namespace Segmentation.Prepare.Sources;

/// <summary>What a column of a transactions file holds.</summary>
public enum ColumnRole
{
    Customer,
    Invoice,
    Date,
    Quantity,
    UnitPrice,
    Amount,
    StockCode,
    Description,
    Country,
}

/// <summary>A field and the header that holds it in the file read: the mapping a run used, as its reports state it.</summary>
public sealed record ColumnUse(string Field, string Header);

/// <summary>A field the file seems to lack: the option that names its column, and the headers nearest to its usual names.</summary>
public sealed record MissingColumn(ColumnRole Role, string Option, IReadOnlyList<string> Closest)
{
    public string Field => ColumnRoles.Word(Role);
}

internal static class ColumnRoles
{
    public static string Word(ColumnRole role) => role switch
    {
        ColumnRole.UnitPrice => "unit price",
        ColumnRole.StockCode => "stock code",
        _ => role.ToString().ToLowerInvariant(),
    };

    public static string Option(ColumnRole role) => role switch
    {
        ColumnRole.Customer => OptionNames.CustomerColumn,
        ColumnRole.Invoice => OptionNames.InvoiceColumn,
        ColumnRole.Date => OptionNames.DateColumn,
        ColumnRole.Quantity => OptionNames.QuantityColumn,
        ColumnRole.UnitPrice => OptionNames.PriceColumn,
        ColumnRole.Amount => OptionNames.AmountColumn,
        ColumnRole.StockCode => OptionNames.StockCodeColumn,
        ColumnRole.Description => OptionNames.DescriptionColumn,
        _ => OptionNames.CountryColumn,
    };

    /// <summary>
    /// The names exports commonly give each field, most specific first, compared after <see cref="Normalise"/>
    /// (so "Customer ID", "customer_id" and "CustomerId" are one name): English, then the usual German, French,
    /// Spanish, Italian and Dutch ones (shop systems export in the shop's language). No name is under two fields.
    /// </summary>
    public static IReadOnlyList<string> Aliases(ColumnRole role) => role switch
    {
        ColumnRole.Customer => ["customerid", "customer", "customerno", "customernumber", "customercode", "custid", "custno",
            "clientid", "client", "clientno", "clientnumber", "userid", "buyerid", "buyer", "accountid", "account", "memberid", "shopperid", "contactid",
            "kunde", "kundennr", "kundennummer", "kundenid", "numeroclient", "cliente", "idcliente", "codicecliente", "klant", "klantnummer"],
        ColumnRole.Invoice => ["invoiceno", "invoice", "invoiceid", "invoicenumber", "orderid", "order", "orderno", "ordernumber", "ordernum",
            "transactionid", "transactionno", "receiptid", "receiptno", "receipt", "basketid", "billno", "documentno",
            "rechnungsnr", "rechnungsnummer", "rechnung", "belegnr", "belegnummer", "beleg", "bestellnr", "bestellnummer", "bestellung", "auftragsnr",
            "numerofacture", "facture", "commande", "numfactura", "factura", "pedido", "fattura", "ordine", "factuur", "bestelling"],
        ColumnRole.Date => ["invoicedate", "orderdate", "transactiondate", "purchasedate", "saledate", "date", "createdat", "orderedat",
            "purchasedat", "orderedon", "purchasedon", "createdon", "created", "ordertime", "orderdatetime", "datetime", "timestamp", "time",
            "rechnungsdatum", "belegdatum", "bestelldatum", "datum", "datecommande", "fecha", "fechapedido", "besteldatum"],
        ColumnRole.Quantity => ["quantity", "qty", "units", "unitssold", "quantityordered", "items", "pieces", "count",
            "menge", "anzahl", "stueckzahl", "quantite", "cantidad", "quantita", "aantal"],
        ColumnRole.UnitPrice => ["unitprice", "price", "priceeach", "itemprice", "priceperunit", "saleprice", "sellingprice",
            "einzelpreis", "stueckpreis", "preis", "prixunitaire", "prix", "preciounitario", "precio", "prezzo", "prijs"],
        ColumnRole.Amount => ["amount", "lineamount", "linetotal", "total", "totalprice", "totalamount", "linevalue", "value",
            "revenue", "sales", "netamount", "subtotal", "betrag", "umsatz", "montant", "importe", "importo", "bedrag"],
        ColumnRole.StockCode => ["stockcode", "sku", "productid", "productcode", "product", "itemid", "itemcode", "article", "articleno",
            "artikelnr", "artikelnummer", "artikel", "reference", "referencia", "codigo", "codice", "artikelcode"],
        ColumnRole.Description => ["description", "productname", "itemname", "productdescription", "itemdescription",
            "bezeichnung", "beschreibung", "artikelbezeichnung", "libelle", "designation", "descripcion", "descrizione", "omschrijving"],
        _ => ["country", "countryname", "countrycode", "shipcountry", "billingcountry", "land", "pays", "pais", "paese"],
    };

    /// <summary>Lower case letters and digits only: exports differ in case, blanks, underscores and hyphens.</summary>
    public static string Normalise(string header)
    {
        Span<char> kept = stackalloc char[Math.Min(header.Length, 256)];
        var n = 0;
        foreach (var c in header)
        {
            if (n == kept.Length) break;
            if (char.IsLetterOrDigit(c)) kept[n++] = char.ToLowerInvariant(c);
        }
        return new string(kept[..n]);
    }
}
