namespace SyncDashboard.Todoist.Simulator;

/// <summary>Plausible words for the generated account, so the demo dashboard looks like somebody's real Todoist.</summary>
internal static class SampleText
{
    // Todoist's own colour names (the API rejects anything else).
    public static readonly string[] Colors =
    [
        "berry_red", "red", "orange", "yellow", "olive_green", "lime_green", "green", "mint_green", "teal",
        "sky_blue", "light_blue", "blue", "grape", "violet", "lavender", "magenta", "salmon", "charcoal", "grey", "taupe",
    ];

    public static readonly string[] ProjectNames =
    [
        "Work", "Home", "Errands", "Garden", "Reading list", "Fitness", "Trip to Lisbon", "Finances", "Q3 launch",
        "Learning Rust", "Side project", "Kitchen renovation", "Hiring", "Birthday party", "Car", "Health",
        "Blog", "Conference talk", "Volunteering", "Photography",
    ];

    public static readonly string[] SectionNames =
    [
        "Backlog", "Next up", "In progress", "Waiting", "Done this week", "Ideas", "Research", "Shopping",
        "Admin", "Someday", "Phase 1", "Phase 2",
    ];

    public static readonly string[] LabelNames =
    [
        "waiting", "errand", "phone", "computer", "quick-win", "deep-work", "home", "office", "someday", "email",
        "reading", "low-energy", "meeting", "weekend", "shopping", "review",
    ];

    public static readonly string[] TaskContents =
    [
        "Call the dentist to reschedule", "Renew car insurance", "Buy groceries for the week", "Review quarterly report",
        "Draft slides for Monday's review", "Fix the leaking kitchen tap", "Book flights to Lisbon", "Pay the electricity bill",
        "Reply to Anna about the offsite", "Order a new backup drive", "Update the onboarding doc", "Water the tomatoes",
        "Read chapter 4 of Designing Data-Intensive Applications", "Prepare the 1:1 agenda", "Clean out the garage",
        "Schedule the annual health check-up", "Return the library books", "Write the release notes", "Pick up dry cleaning",
        "Plan meals for next week", "Cancel the unused streaming subscription", "Send invoice to the client",
        "Test the staging deployment", "Follow up on the pull request review", "Buy a birthday gift for Sam",
        "Sort out the tax documents", "Go for a 5 km run", "Book a haircut", "Back up the photo library",
        "Check the tyre pressure", "Reconcile the credit card statement", "Outline the blog post on caching",
        "Ask IT for a new laptop charger", "Interview candidate for the backend role", "Clean the bathroom",
        "Replace the smoke alarm battery", "Compare mortgage offers", "Submit the expense report", "Mow the lawn",
        "Practice Rust ownership exercises", "Update the project roadmap", "Fix flaky integration test",
        "Archive old email threads", "Buy paint samples for the kitchen", "Confirm the venue for the party",
        "Write thank-you notes", "Take the recycling out", "Renew passport", "Upgrade the router firmware",
        "Research standing desks", "Call mum", "Stretch for 15 minutes", "Review the hiring rubric",
        "Prepare questions for the conference Q&A", "Print the boarding passes", "Defrost the freezer",
        "Rotate the API keys", "Edit photos from the weekend", "Pay the window cleaner", "Plan the team retrospective",
    ];

    public static readonly string[] Descriptions =
    [
        "Before the end of the month.", "See the email thread from last week for context.",
        "Check the shared drive for the latest version first.", "Ask for the receipt this time.",
        "Budget: up to 150 EUR.", "Needs approval from Maria.", "Link is in the team wiki.",
        "Bring the warranty card.", "Only if the weather is good.", "Split into smaller tasks if it drags on.",
    ];

    public static readonly string[] Comments =
    [
        "Done the first half, rest tomorrow.", "Waiting for a reply.", "They close at 6 pm on weekdays.",
        "Moved this because of the release.", "Found a cheaper option online.", "Blocked on the vendor.",
        "Talked to Tom, he agrees.", "Reminder: take the documents.", "Pushed to next week.",
        "The quote came in higher than expected.", "Added the notes from the call.", "Need to double-check the numbers.",
        "This is more work than I thought.", "Good progress today.", "Asked for a second opinion.",
    ];

    /// <summary>Recurring due strings with the step to the next occurrence when the task is completed.</summary>
    public static readonly (string Text, int Days)[] Recurrences =
    [
        ("every day", 1), ("every monday", 7), ("every weekday", 1), ("every 2 weeks", 14), ("every month", 30),
        ("every friday", 7),
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
