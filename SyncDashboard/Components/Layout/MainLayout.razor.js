// The browser half of MainLayout: what only the browser knows (its time zone) or keeps (the dark-mode choice, which
// outlives the circuit: a reload, or a trip to /hangfire and back).
const darkModeKey = "syncdashboard.darkMode";

export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
}

// true or false once the user has chosen, null before (the layout then follows the OS preference).
export function savedDarkMode() {
    try {
        const saved = localStorage.getItem(darkModeKey);
        return saved === "true" ? true : saved === "false" ? false : null;
    } catch {
        // Storage blocked (privacy settings): follow the OS preference.
        return null;
    }
}

export function saveDarkMode(dark) {
    try {
        localStorage.setItem(darkModeKey, dark ? "true" : "false");
    } catch {
        // Storage blocked: the choice lasts as long as the page.
    }
}
