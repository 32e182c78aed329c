using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace SyncDashboard.Data;

/// <summary>The <c>mirror_verifications</c> table. The per-type findings are one JSON text column: they are read
/// whole with their row and never queried into, so a child table would only add joins.</summary>
internal static class MirrorVerificationModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<MirrorVerification>(e =>
    {
        e.ToTable("mirror_verifications");
        e.Property(x => x.Service).HasMaxLength(32);
        e.Property(x => x.Note).HasMaxLength(MirrorVerification.MaxNoteLength);
        e.Property(x => x.ByType).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<DriftByType>>(v, Json) ?? new List<DriftByType>(),
            new ValueComparer<List<DriftByType>>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                v => JsonSerializer.Serialize(v, Json).GetHashCode(),
                v => v.ToList()));
        e.HasIndex(x => new { x.Service, x.VerifiedUtc });
        e.HasIndex(x => x.SyncEventId);
        e.HasOne<SyncEvent>().WithMany().HasForeignKey(x => x.SyncEventId).OnDelete(DeleteBehavior.SetNull);
    });
}
