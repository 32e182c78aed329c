using System.Text;

namespace SyncDashboard.Access;

/// <summary>Reads a password (twice, without echo, on a terminal; one line when piped) and prints its hash for
/// <c>Access:Users:&lt;n&gt;:PasswordHash</c>. The password never appears on a command line or in shell history.</summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";
    public const int MinLength = 12;

    public static int Run() => Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);

    public static int Run(TextReader input, TextWriter output, TextWriter prompts, bool interactive)
    {
        var password = interactive ? ReadHidden(prompts, "Password: ") : input.ReadLine();
        if (interactive && password != ReadHidden(prompts, "Again: "))
        {
            prompts.WriteLine("The two passwords differ; nothing was hashed.");
            return 1;
        }
        if (password is null || password.Length < MinLength)
        {
            prompts.WriteLine($"A password needs at least {MinLength} characters; nothing was hashed.");
            return 1;
        }
        output.WriteLine(ConfiguredUsers.Hash(password));
        return 0;
    }

    private static string ReadHidden(TextWriter prompts, string prompt)
    {
        prompts.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
        prompts.WriteLine();
        return text.ToString();
    }
}
