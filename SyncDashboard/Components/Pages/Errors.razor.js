// The browser half of Errors.razor: bring the chain a link pointed at (#chain-12) into view once its card exists.
export function reveal(id) {
    document.getElementById(id)?.scrollIntoView({ block: "center" });
}
