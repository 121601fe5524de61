// The surface: a Page as file bytes. cairo's SVG, PDF and image surfaces write through one
// callback into a string; the PDF carries the map date as its creation date, not the clock.
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <stop_token>
#include <string_view>
#include <thread>
#include <vector>

#include "base/handle.hpp"
#include "render/draw.hpp"
#include "render/drawing.hpp"
#include "render/render.hpp"
#include "render/screenful_png.hpp"

namespace peermap::render {

namespace {

using Surface = Handle<cairo_surface_t, cairo_surface_destroy>;
using Context = Handle<cairo_t, cairo_destroy>;

//! How far a screenful's flattened curves may stray, in pixels (cairo's default is 0.1).
constexpr double kScreenfulTolerance = 0.5;

//! cairo numbers SVG surfaces from a process-wide counter; renumbering them in order of first
//! appearance makes the same map give the same bytes in a long-running process too. No user
//! text appears in cairo's SVG (text is drawn as glyph outlines, or added after), so the word is
//! always an id.
std::string renumber_svg_surfaces(const std::string& svg) {
  static constexpr std::string_view kWord = "surface";
  std::string out;
  out.reserve(svg.size());
  std::map<std::string, std::size_t, std::less<>> ids;
  std::size_t at = 0;
  while (at < svg.size()) {
    const std::size_t hit = svg.find(kWord, at);
    if (hit == std::string::npos) {
      out.append(svg, at, std::string::npos);
      break;
    }
    const std::size_t digits = hit + kWord.size();
    std::size_t end = digits;
    while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end])) != 0) ++end;
    out.append(svg, at, digits - at);
    if (end > digits) {
      const auto [id, inserted] = ids.emplace(svg.substr(digits, end - digits), ids.size() + 1);
      out += std::to_string(id->second);
    }
    at = end;
  }
  return out;
}

//! A surface of the page's size writing into `bytes` (SVG, PDF) or an image (PNG).
Surface make_surface(const Page& page, const FileOptions& options, std::string& bytes) {
  const Paper& paper = page.paper;
  switch (options.format) {
    case Format::Svg: {
      Surface surface(
          cairo_svg_surface_create_for_stream(append_to_string, &bytes, paper.width, paper.height));
      cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
      return surface;
    }
    case Format::Pdf: {
      Surface surface(
          cairo_pdf_surface_create_for_stream(append_to_string, &bytes, paper.width, paper.height));
      // A fixed creation date keeps the bytes reproducible; the map's own date is the honest one.
      cairo_pdf_surface_set_metadata(
          surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
          (page.document.map.map_date.to_string() + "T00:00:00Z").c_str());
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "peermap");
      return surface;
    }
    case Format::Png: {
      const double pixel_scale = options.png_dpi / 72.0;
      return Surface(cairo_image_surface_create(
          CAIRO_FORMAT_RGB24, static_cast<int>(std::ceil(paper.width * pixel_scale)),
          static_cast<int>(std::ceil(paper.height * pixel_scale))));
    }
  }
  return nullptr;
}

//! Rows [first, first + rows) of the screenful `area` of `page`, drawn into `pixels` (the
//! whole image's, `stride` bytes a row) and made a PNG band.
Result<PngBand> screenful_band(const Page& page, const PageArea& area, unsigned char* pixels,
                               int width, int stride, int first, int rows, bool last) {
  const Surface surface(
      cairo_image_surface_create_for_data(pixels + static_cast<std::ptrdiff_t>(first) * stride,
                                          CAIRO_FORMAT_RGB24, width, rows, stride));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return cairo_error(cairo_surface_status(surface.get()));
  }
  {
    const Context cr(cairo_create(surface.get()));
    const double pixel_scale = area.pixels_wide / area.width;
    cairo_translate(cr.get(), 0, -first);  // whole pixels: every band on the image's one grid
    cairo_scale(cr.get(), pixel_scale, pixel_scale);
    cairo_translate(cr.get(), -area.x, -area.y);
    // A screenful is shown only until the whole SVG has come: its curves flattened to half a
    // pixel and its lines and shapes smoothed more coarsely, a third quicker to draw. Its words
    // are smoothed as every file's are.
    cairo_set_tolerance(cr.get(), kScreenfulTolerance);
    cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_FAST);
    if (auto drawn = draw_page_text_to(cr.get(), page, nullptr); !drawn) return drawn.error();
  }
  cairo_surface_flush(surface.get());
  return deflate_band(pixels + static_cast<std::ptrdiff_t>(first) * stride, width, rows, stride,
                      last);
}

//! A screenful too small to be worth a second thread is drawn in one band.
constexpr int kLeastRowsToSplit = 64;

//! One thread kept for the process, drawing the lower half of screenfuls: its pango font map
//! (one a thread, layout::thread_font_map) stays warm from one screenful to the next. It takes
//! one half at a time; a screenful that finds it busy is drawn whole by its own thread.
class HalfThread {
 public:
  static HalfThread& shared() {
    static HalfThread half;
    return half;
  }
  HalfThread(const HalfThread&) = delete;
  HalfThread& operator=(const HalfThread&) = delete;
  HalfThread(HalfThread&&) = delete;
  HalfThread& operator=(HalfThread&&) = delete;

  //! Starts `task` on the thread: its number for wait(), or 0 when the thread is busy (or
  //! there is none).
  std::uint64_t start(std::function<void()> task) {
    const std::lock_guard lock(mutex_);
    if (task_ || !thread_.joinable()) return 0;
    task_ = std::move(task);
    wake_.notify_one();
    return ++started_;
  }

  //! Waits until task `number` has run.
  void wait(std::uint64_t number) {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return done_ >= number; });
  }

 private:
  HalfThread() {
    try {
      thread_ = std::jthread([this](const std::stop_token& stop) { serve(stop); });
    } catch (const std::system_error&) {  // no thread to be had: every screenful drawn whole
    }
  }
  ~HalfThread() {
    if (thread_.joinable()) {
      thread_.request_stop();
      thread_.join();
    }
  }

  void serve(const std::stop_token& stop) {
    std::unique_lock lock(mutex_);
    while (wake_.wait(lock, stop, [&] { return static_cast<bool>(task_); })) {
      lock.unlock();
      task_();  // noexcept in fact: the task catches what it throws
      lock.lock();
      task_ = nullptr;
      ++done_;
      idle_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::condition_variable idle_;
  std::function<void()> task_;
  std::uint64_t started_ = 0;  //!< tasks started, and run
  std::uint64_t done_ = 0;
  std::jthread thread_;  // last: stopped and joined before the rest goes
};

//! The screenful `area` of `page` as a PNG: its upper half drawn and compressed on this thread
//! while HalfThread does the lower half (screenful_png.hpp), each a separate cairo surface over
//! its own rows of one image. The same bytes whichever thread draws which half.
Result<std::string> write_screenful(const Page& page, const PageArea& area,
                                    const OutOfTime& out_of_time) {
  const auto [width, height] = area_pixels(area);
  const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, width);
  if (stride <= 0) return Error{ErrorKind::Internal, "cairo: the screenful is too wide"};
  std::vector<unsigned char> pixels(static_cast<std::size_t>(stride) *
                                    static_cast<std::size_t>(height));
  const int upper = height >= kLeastRowsToSplit ? height / 2 : height;
  Result<PngBand> lower = PngBand{};
  const auto draw_lower = [&, width = width, height = height] {
    try {
      lower = screenful_band(page, area, pixels.data(), width, stride, upper, height - upper, true);
    } catch (const std::exception& e) {
      lower = Error{ErrorKind::Internal, std::string("drawing a screenful: ") + e.what()};
    }
  };
  HalfThread& half = HalfThread::shared();
  const std::uint64_t helped = upper < height ? half.start(draw_lower) : 0;
  Result<PngBand> top = Error{ErrorKind::Internal, "the screenful was not drawn"};
  try {
    top = screenful_band(page, area, pixels.data(), width, stride, 0, upper, upper == height);
  } catch (...) {
    if (helped != 0) half.wait(helped);  // the pixels it draws into go with this frame
    throw;
  }
  if (helped != 0) {
    half.wait(helped);
  } else if (upper < height) {
    draw_lower();
  }
  if (!top) return top.error();
  if (!lower) return lower.error();
  if (spent(out_of_time)) return out_of_time_error();
  std::vector<PngBand> bands;
  bands.push_back(std::move(top.value()));
  if (upper < height) bands.push_back(std::move(lower.value()));
  return png_of_bands(width, height, bands);
}

}  // namespace

std::optional<Format> format_for_path(std::string_view path) {
  const auto ends = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      const auto c = static_cast<unsigned char>(path[path.size() - suffix.size() + i]);
      if (std::tolower(c) != suffix[i]) return false;
    }
    return true;
  };
  if (ends(".svg")) return Format::Svg;
  if (ends(".png")) return Format::Png;
  if (ends(".pdf")) return Format::Pdf;
  return std::nullopt;
}

std::pair<int, int> area_pixels(const PageArea& area) {
  const int width = std::max(area.pixels_wide, 1);
  const double height = area.width > 0 ? std::ceil(area.height * width / area.width) : 1;
  return {width, std::max(static_cast<int>(height), 1)};
}

Result<std::string> write_page(const Page& page, const FileOptions& options) {
  if (options.format == Format::Png && options.png_area) {
    if (spent(options.out_of_time)) return out_of_time_error();
    return write_screenful(page, *options.png_area, options.out_of_time);
  }
  std::string bytes;
  const bool svg_text = options.format == Format::Svg && options.svg_text;
  std::vector<TextRun> runs;
  if (spent(options.out_of_time)) return out_of_time_error();
  const Surface surface = make_surface(page, options, bytes);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return cairo_error(cairo_surface_status(surface.get()));
  }
  {
    const Context cr(cairo_create(surface.get()));
    const double pixel_scale = options.format == Format::Png ? options.png_dpi / 72.0 : 1;
    cairo_scale(cr.get(), pixel_scale, pixel_scale);
    if (auto drawn = draw_page_text_to(cr.get(), page, svg_text ? &runs : nullptr); !drawn) {
      return drawn.error();
    }
  }
  if (spent(options.out_of_time)) return out_of_time_error();  // the file is not written out
  if (options.format == Format::Png) {
    cairo_surface_flush(surface.get());
    const auto status = cairo_surface_write_to_png_stream(surface.get(), append_to_string, &bytes);
    if (status != CAIRO_STATUS_SUCCESS) {
      return Error{ErrorKind::Internal, "cairo: cannot write PNG"};
    }
  }
  cairo_surface_finish(surface.get());  // SVG and PDF surfaces write most of their bytes here
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return cairo_error(cairo_surface_status(surface.get()));
  }
  // Renumbered before the words go in: only cairo's own ids hold the word "surface".
  if (svg_text) return with_svg_text(renumber_svg_surfaces(bytes), runs);
  if (options.format == Format::Svg) return renumber_svg_surfaces(bytes);
  return bytes;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data,
                                unsigned int length) noexcept {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

}  // namespace peermap::render
