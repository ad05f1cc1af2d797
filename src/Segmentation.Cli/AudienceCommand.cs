using System.CommandLine;
using Segmentation.App;
using Segmentation.Audiences;
using Segmentation.Formatting;

namespace Segmentation.Cli;

/// <summary><c>export-audience</c>: whom to contact, in the format an e-mail or ad tool imports.</summary>
internal static class AudienceCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var run = new Option<string>("--run") { Description = "The run's folder.", Required = true };
        var segment = new Option<string?>("--segment") { Description = "The cluster segment to export (its name, case ignored)." };
        var atRisk = new Option<bool>("--at-risk") { Description = "Export the customers at risk of leaving instead (a run with --clv)." };
        var format = new Option<AudienceFormat>("--format") { Description = "klaviyo, mailchimp (e-mail lists), google (Customer Match) or meta (custom audiences, always SHA-256).", Required = true };
        var input = new Option<string?>("--input") { Description = "The transactions with the contact columns (default: the run's input file)." };
        var hash = new Option<bool>("--hash") { Description = "google: SHA-256 of the normalised e-mail, phone and names (Country and Zip stay as they are)." };
        var output = new Option<string?>("--out", "-o") { Description = "The file to write (default: audiences/<segment>_<format>.csv in the run's folder)." };
        var columns = new (ContactField Field, Option<string?> Option)[]
        {
            (ContactField.Email, new("--email-column") { Description = "The column of e-mail addresses (default: recognised by name: email, e-mail, Email Address...)." }),
            (ContactField.Phone, new("--phone-column") { Description = "The column of phone numbers (default: phone, mobile, telephone...)." }),
            (ContactField.FirstName, new("--first-name-column") { Description = "The column of first names." }),
            (ContactField.LastName, new("--last-name-column") { Description = "The column of last names." }),
            (ContactField.Postcode, new("--postcode-column") { Description = "The column of postcodes (zip, postcode...)." }),
            (ContactField.Consent, new("--consent-column") { Description = "The column of marketing consent (yes/no): customers without a yes are left out." }),
        };
        var command = new Command("export-audience",
            "Write a run's segment (or its customers at risk of leaving) with their contacts as Klaviyo, Mailchimp, Google Customer Match or Meta import files; contacts are read from the input now and written nowhere else.");
        foreach (var o in new Option[] { run, segment, atRisk, format, input, hash, output }.Concat(columns.Select(c => c.Option))) command.Options.Add(o);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var named = columns.Where(c => p.GetValue(c.Option) is not null).ToDictionary(c => c.Field, c => p.GetValue(c.Option)!);
            var result = SegmentationApp.ExportAudience(new AudienceRequest(p.GetValue(run)!, p.GetValue(segment), p.GetValue(atRisk), p.GetValue(format),
                p.GetValue(input), p.GetValue(hash), p.GetValue(output)) { Columns = named });
            stdout.WriteLine($"Wrote {result.Path}: {Display.Count(result.Exported)} of the {Display.Count(result.Selected)} customers {(result.Audience == "at risk of leaving" ? "at risk of leaving" : $"of {result.Audience}")}"
                + $" ({result.Format.ToString().ToLowerInvariant()}{(result.Hashed ? ", SHA-256" : "")})");
            if (result.NoConsent > 0) stdout.WriteLine($"  left out without marketing consent: {Display.Count(result.NoConsent)}");
            stdout.WriteLine($"  left out without a usable {(result.Format is AudienceFormat.Google or AudienceFormat.Meta ? "e-mail or phone" : "e-mail")}: {Display.Count(result.NoContact)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
