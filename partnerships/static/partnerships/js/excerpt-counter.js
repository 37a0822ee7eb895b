// Keeps the summary's "Lists will show …" line in step with what the editor types.
// The server renders the same sentence first, so it reads right before this runs.
(() => {
  class ExcerptCounterController extends window.StimulusModule.Controller {
    static targets = ["input", "count"];
    static values = { length: Number };

    connect() {
      this.update();
    }

    update() {
      // Lists collapse runs of spaces and line breaks, so count what they will show.
      const characters = this.inputTarget.value.trim().split(/\s+/).join(" ").length;
      const length = this.lengthValue;
      if (!characters) {
        this.countTarget.textContent = `Empty: lists will show up to ${length} characters from the start of the body.`;
      } else if (characters > length) {
        this.countTarget.textContent = `This summary has ${characters} characters: keep it to ${length}, as much as lists show.`;
      } else {
        this.countTarget.textContent = `Lists will show all ${characters} characters of this summary.`;
      }
    }
  }

  window.wagtail.app.register("excerpt-counter", ExcerptCounterController);
})();
