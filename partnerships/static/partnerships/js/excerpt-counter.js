// Keeps the summary's "Lists will show …" line in step with what the editor types.
// The server renders the same sentence first, so it reads right before this runs.
(() => {
  class ExcerptCounterController extends window.StimulusModule.Controller {
    static targets = ["input", "count"];
    // The sentences come translated from the template, with {characters} to fill in.
    static values = { length: Number, over: String, within: String, empty: String };

    connect() {
      this.update();
    }

    update() {
      // Lists collapse runs of spaces and line breaks, so count what they will show.
      const characters = this.inputTarget.value.trim().split(/\s+/).join(" ").length;
      let sentence = this.withinValue;
      if (!characters) {
        sentence = this.emptyValue;
      } else if (characters > this.lengthValue) {
        sentence = this.overValue;
      }
      this.countTarget.textContent = sentence.replace("{characters}", characters);
    }
  }

  window.wagtail.app.register("excerpt-counter", ExcerptCounterController);
})();
